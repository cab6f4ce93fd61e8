using System.Diagnostics;

namespace Nodal.Bench.Http;

/// <summary>Something to measure: one operation (an HTTP request, a set of SQL commands) run by one of N workers.</summary>
public abstract class Workload
{
    public abstract string Label { get; }
    /// <summary>Opens what each worker keeps (connections); called before every warm-up or measurement.</summary>
    public virtual Task StartAsync(int workers, CancellationToken ct) => Task.CompletedTask;
    /// <summary>Runs the operation number <paramref name="sequence"/>; returns an error message, or null on success.</summary>
    public abstract ValueTask<string?> RunOnceAsync(int worker, long sequence, CancellationToken ct);
    public virtual ValueTask StopAsync() => ValueTask.CompletedTask;
}

public sealed record Measurement(string Label, int Requests, int Errors, string? FirstError, double Seconds, double[] LatenciesMs)
{
    /// <summary>Requests per second of each round this measurement joins (one when not combined).</summary>
    public IReadOnlyList<double> RoundRates { get; init; } = [Requests / Seconds];

    /// <summary>(max − min) / mean of the rounds' rates: how steady the machine was.</summary>
    public double Spread => RoundRates.Count < 2 ? 0 : (RoundRates.Max() - RoundRates.Min()) / RoundRates.Average();

    public static Measurement Combine(IReadOnlyList<Measurement> rounds)
    {
        var ms = rounds.SelectMany(r => r.LatenciesMs).ToArray();
        Array.Sort(ms);
        return new Measurement(rounds[0].Label, rounds.Sum(r => r.Requests), rounds.Sum(r => r.Errors),
            rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null), rounds.Sum(r => r.Seconds), ms)
        {
            RoundRates = rounds.Select(r => r.RequestsPerSecond).ToList(),
        };
    }

    public double RequestsPerSecond => Requests / Seconds;
    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
    public double Mean => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs.Average();

    /// <summary>Nearest-rank percentile of the sorted latencies.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length);
        return LatenciesMs[Math.Clamp(rank - 1, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>Closed-loop load: N workers, each sends its next operation as soon as the previous one answered.</summary>
public static class LoadRunner
{
    /// <summary>Runs the workload for a while and returns the operations per second it reached (to size the measurement).</summary>
    public static async Task<double> WarmUpAsync(Workload w, int workers, TimeSpan duration, CancellationToken ct)
    {
        await w.StartAsync(workers, ct);
        try
        {
            long done = 0, next = 0;
            var errors = 0;
            string? firstError = null;
            var clock = Stopwatch.StartNew();
            var half = duration / 2;
            long doneAtHalf = -1;
            double secondsAtHalf = 0;
            await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
            {
                while (clock.Elapsed < duration)
                {
                    var error = await w.RunOnceAsync(worker, Interlocked.Increment(ref next), ct);
                    if (error is not null && Interlocked.Increment(ref errors) == 1) firstError = error;
                    Interlocked.Increment(ref done);
                    if (doneAtHalf < 0 && clock.Elapsed >= half && Interlocked.CompareExchange(ref doneAtHalf, Interlocked.Read(ref done), -1) == -1)
                        secondsAtHalf = clock.Elapsed.TotalSeconds;
                }
            }, ct)));
            if (errors > 0) throw new InvalidOperationException($"{w.Label}: {errors} errors during warm-up, the first: {firstError}");
            var total = clock.Elapsed.TotalSeconds;
            // The second half only: the first still pays for JIT and cold caches. Unless the operations are too
            // slow for that (a few hundred milliseconds each): then the half holds only the last ones to finish,
            // all at once, and would give an absurd rate.
            return doneAtHalf > 0 && total > secondsAtHalf && done - doneAtHalf >= 4 * workers
                ? (done - doneAtHalf) / (total - secondsAtHalf)
                : done / total;
        }
        finally
        {
            await w.StopAsync();
        }
    }

    /// <summary>
    /// Runs the workloads in turn until the JIT has (almost) nothing left to compile: tiered compilation
    /// keeps recompiling hot methods in the background for seconds, which would slow the first measurements.
    /// </summary>
    public static async Task<(int Rounds, TimeSpan Elapsed, double LastJitShare)> WarmUntilJitQuietAsync(IReadOnlyList<Workload> workloads, int workers, TimeSpan slice, TimeSpan max, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (true)
        {
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var roundStart = clock.Elapsed;
            foreach (var w in workloads) await WarmUpAsync(w, workers, slice, ct);
            rounds++;
            var jitShare = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds / (clock.Elapsed - roundStart).TotalSeconds;
            // Quiet: the JIT used under 1 % of the round (of one core).
            if ((rounds >= 2 && jitShare < 0.01) || clock.Elapsed >= max)
                return (rounds, clock.Elapsed, jitShare);
        }
    }

    /// <summary>Runs exactly <paramref name="requests"/> operations and records each one's latency.</summary>
    public static async Task<Measurement> MeasureAsync(Workload w, int workers, int requests, CancellationToken ct)
    {
        await w.StartAsync(workers, ct);
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var ticks = new long[requests];
            long next = -1;
            var errors = 0;
            string? firstError = null;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
            {
                long i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var start = Stopwatch.GetTimestamp();
                    var error = await w.RunOnceAsync(worker, i, ct);
                    ticks[i] = Stopwatch.GetTimestamp() - start;
                    if (error is not null && Interlocked.Increment(ref errors) == 1) firstError = error;
                }
            }, ct)));
            var seconds = clock.Elapsed.TotalSeconds;
            var ms = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
            Array.Sort(ms);
            return new Measurement(w.Label, requests, errors, firstError, seconds, ms);
        }
        finally
        {
            await w.StopAsync();
        }
    }
}
