using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using Nodal.Bench.Sql;
using Nodal.Web.Features.Projects.Iati;

namespace Nodal.Bench.Iati;

/// <summary>One timed pass over the file: the raw reader, or the importer (creating or updating).</summary>
public sealed record IatiPass(string Kind, int Round, double Seconds, double Megabytes, MemoryPeak Memory, string Outcome, RowCounts? Written)
{
    public double MegabytesPerSecond => Megabytes / Seconds;
}

public sealed record RowCounts(long Projects, long Partners, long Transactions, long AuditEntries)
{
    public static RowCounts operator -(RowCounts a, RowCounts b) =>
        new(a.Projects - b.Projects, a.Partners - b.Partners, a.Transactions - b.Transactions, a.AuditEntries - b.AuditEntries);

    public override string ToString() =>
        $"{Projects:N0} projects, {Partners:N0} partners, {Transactions:N0} transactions, {AuditEntries:N0} audit entries";
}

/// <summary>
/// Issue #4, item 12: the IATI import's speed as a ratio to a raw <see cref="XmlReader"/> pass over the same file, and
/// its peak memory. The importer runs through the app's endpoint (<c>POST /api/v1/projects/iati</c>, the file as the
/// body, a token), as a user's upload does, in the request's one transaction.
/// </summary>
public static class IatiBenchmark
{
    public static async Task<bool> RunAsync(Uri baseAddress, string token, RawDatabase raw, Guid organizationId, double megabytes, int rounds,
        bool markdown, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"IATI import ({megabytes:0.#} MB, {rounds} rounds)");
        var path = Path.Combine(Path.GetTempPath(), $"nodal-bench-iati-{Guid.NewGuid():N}.xml");
        try
        {
            var generation = Stopwatch.StartNew();
            var file = IatiFileGenerator.Write(path, megabytes);
            Console.WriteLine($"  generated {file.Megabytes:F1} MB in {generation.Elapsed.TotalSeconds:F1} s: {file.Activities:N0} activities, "
                + $"{file.Partners:N0} participating organisations, {file.Transactions:N0} transactions ({file.Bytes / file.Activities:N0} bytes an activity)");
            if (file.Bytes > IatiImporter.MaxBytes)
                Console.WriteLine($"WARNING: the file is larger than the upload limit ({IatiImporter.MaxBytes / (1024 * 1024)} MB): the import will be refused.");

            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
            {
                BaseAddress = baseAddress,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            var rows = new Rows(raw, organizationId);
            var ok = true;
            await RemoveImportedAsync(raw, organizationId, file.IdentifierPrefix, ct);

            // One warm-up of each, on a small file, so the first round does not pay the JIT.
            var small = Path.Combine(Path.GetTempPath(), $"nodal-bench-iati-{Guid.NewGuid():N}-warm.xml");
            try
            {
                IatiFileGenerator.Write(small, 1, seed: 7);
                await RawPassAsync(small, ct);
                var (warm, _) = await UploadAsync(client, token, small, ct);
                if (!warm.StartsWith("200", StringComparison.Ordinal)) throw new InvalidOperationException($"The warm-up import failed: {warm}");
                await UploadAsync(client, token, small, ct);
                await RemoveImportedAsync(raw, organizationId, file.IdentifierPrefix, ct);
            }
            finally { File.Delete(small); }

            // And one raw pass over the whole file: the page cache holds it (the generator's writes are flushed) and the loop is at tier 1.
            await RawPassAsync(path, ct);

            var passes = new List<IatiPass>();
            for (var round = 1; round <= rounds; round++)
            {
                // Interleaved: raw, create, raw, update; then the imported projects are removed for the next round.
                passes.Add(await MeasureAsync("raw XmlReader", round, file, () => RawPassAsync(path, ct).ContinueWith(t => $"{t.Result:N0} nodes"), null, ct));
                passes.Add(await MeasureAsync("import, creating", round, file, async () => (await UploadAsync(client, token, path, ct)).Outcome, rows, ct));
                passes.Add(await MeasureAsync("raw XmlReader", round, file, () => RawPassAsync(path, ct).ContinueWith(t => $"{t.Result:N0} nodes"), null, ct));
                passes.Add(await MeasureAsync("import, updating", round, file, async () => (await UploadAsync(client, token, path, ct)).Outcome, rows, ct));
                foreach (var p in passes.TakeLast(4)) Console.WriteLine($"  round {round}, {p.Kind}: {p.Seconds:F1} s, {p.MegabytesPerSecond:F1} MB/s, {p.Memory}; {p.Outcome}"
                    + (p.Written is { } w ? $"; written: {w}" : ""));
                ok &= passes.TakeLast(4).Where(p => p.Written is not null).All(p => p.Outcome.StartsWith("200", StringComparison.Ordinal));
                var created = passes[^3].Written!;
                if (created.Projects != file.Activities)
                {
                    Console.WriteLine($"WARNING: the import created {created.Projects:N0} projects; the file has {file.Activities:N0} activities.");
                    ok = false;
                }
                await RemoveImportedAsync(raw, organizationId, file.IdentifierPrefix, ct);
            }
            Report(passes, file, markdown);
            return ok;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Report(List<IatiPass> passes, IatiFile file, bool markdown)
    {
        var rawPasses = passes.Where(p => p.Kind == "raw XmlReader").ToList();
        var rawMedian = Median(rawPasses.Select(p => p.Seconds));
        Console.WriteLine();
        Console.WriteLine($"IATI import of {file.Megabytes:F1} MB ({file.Activities:N0} activities), median of the rounds; the importer's ratio is to the raw pass's median:");
        var rowsOut = new List<string[]>();
        foreach (var kind in passes.Select(p => p.Kind).Distinct())
        {
            var set = passes.Where(p => p.Kind == kind).ToList();
            var seconds = Median(set.Select(p => p.Seconds));
            var written = set.Select(p => p.Written).FirstOrDefault(w => w is not null);
            rowsOut.Add([
                kind,
                string.Join(" / ", set.Select(p => p.Seconds.ToString("F1", CultureInfo.InvariantCulture))),
                (file.Megabytes / seconds).ToString("F1", CultureInfo.InvariantCulture),
                kind == "raw XmlReader" ? "1.0×" : $"{seconds / rawMedian:F0}×",
                $"{set.Max(p => p.Memory.ManagedPeak) / Mb:F0}",
                $"{set.Max(p => p.Memory.WorkingSetPeak) / Mb:F0}",
                $"{set.Max(p => p.Memory.WorkingSetPeak - p.Memory.WorkingSetBefore) / Mb:+0;-0}",
                // GC.GetTotalAllocatedBytes has been seen to go backwards under server GC (a pass "allocating" −10 GB): such passes are left out.
                set.Any(p => p.Memory.Allocated >= 0) ? $"{Median(set.Where(p => p.Memory.Allocated >= 0).Select(p => (double)p.Memory.Allocated)) / Mb:N0}" : "n/a",
                $"{Median(set.Select(p => (double)p.Memory.Gen2)):F0}",
                written is null ? "" : $"{written.Projects:N0} / {written.Partners:N0} / {written.Transactions:N0} / {written.AuditEntries:N0}",
            ]);
        }
        string[] header = ["pass", "seconds (rounds)", "MB/s", "time ÷ raw", "managed peak MiB", "working set peak MiB", "working set Δ MiB", "allocated MiB", "gen2 GCs", "rows written: projects / partners / transactions / audit"];
        if (markdown)
        {
            Console.WriteLine("| " + string.Join(" | ", header) + " |");
            Console.WriteLine("|---|" + string.Join("", header.Skip(1).Select(_ => "---:|")));
            foreach (var r in rowsOut) Console.WriteLine("| " + string.Join(" | ", r) + " |");
        }
        else
        {
            Console.WriteLine(string.Join("  ", header));
            foreach (var r in rowsOut) Console.WriteLine("  " + string.Join("  ", r));
        }
        Console.WriteLine("(managed peak: GC.GetTotalMemory(false) sampled every 50 ms; working set: the process's VmHWM reset before each pass, else RSS sampled every 50 ms;"
            + " both are the whole process: the app, the upload client and the bench.)");
    }

    private const double Mb = 1024 * 1024;

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? double.NaN : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    private static async Task<IatiPass> MeasureAsync(string kind, int round, IatiFile file, Func<Task<string>> pass, Rows? rows, CancellationToken ct)
    {
        var before = rows is null ? null : await rows.CountAsync(ct);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await using var sampler = MemorySampler.Start();
        var time = Stopwatch.StartNew();
        var outcome = await pass();
        time.Stop();
        var memory = await sampler.StopAsync();
        var written = rows is null ? null : await rows.CountAsync(ct) - before!;
        return new IatiPass(kind, round, time.Elapsed.TotalSeconds, file.Megabytes, memory, outcome, written);
    }

    /// <summary>The baseline: the importer's own reader settings, every node read and every value and attribute touched.</summary>
    public static async Task<long> RawPassAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        using var reader = XmlReader.Create(stream, IatiImporter.ReaderSettings());
        long nodes = 0, chars = 0;
        while (await reader.ReadAsync())
        {
            nodes++;
            chars += reader.LocalName.Length;
            if (reader.HasValue) chars += (await reader.GetValueAsync()).Length;
            if (reader.NodeType == XmlNodeType.Element && reader.MoveToFirstAttribute())
            {
                do chars += reader.LocalName.Length + reader.Value.Length;
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }
        }
        ct.ThrowIfCancellationRequested();
        return chars > 0 ? nodes : 0;
    }

    /// <summary>POST /api/v1/projects/iati with the file streamed as the body; "200 …" or the status and the problem's title.</summary>
    private static async Task<(string Outcome, int Added)> UploadAsync(HttpClient client, string token, string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects/iati") { Content = new StreamContent(stream, 1 << 16) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        request.Content.Headers.ContentLength = stream.Length;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var doc = JsonDocument.Parse(body);
            var added = doc.RootElement.GetProperty("added").GetInt32();
            var updated = doc.RootElement.GetProperty("updated").GetInt32();
            return ($"200, {added:N0} added, {updated:N0} updated", added);
        }
        return ($"{(int)response.StatusCode}: {(body.Length > 600 ? body[..600] + "…" : body)}", 0);
    }

    /// <summary>Deletes what the import wrote (projects with the bench's identifiers, their partners, transactions and audit entries).</summary>
    private static async Task RemoveImportedAsync(RawDatabase raw, Guid organizationId, string prefix, CancellationToken ct)
    {
        await using var conn = await raw.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string projects = """SELECT "Id" FROM "Projects" WHERE "OrganizationId" = @org AND "IatiIdentifier" LIKE @prefix""";
        string[] statements =
        [
            // One IN per statement, no OR: PostgreSQL turns each into a hash semi-join; "a IN (…) OR a IN (…)" stays a
            // subplan, which once the statistics know 100,000 transactions no longer fits work_mem and runs per row (minutes).
            $"""DELETE FROM "AuditEntries" WHERE "OrganizationId" = @org AND "EntityId" IN ({projects})""",
            $"""DELETE FROM "AuditEntries" WHERE "OrganizationId" = @org AND "EntityId" IN (SELECT "Id" FROM "ProjectPartners" WHERE "ProjectId" IN ({projects}))""",
            $"""DELETE FROM "AuditEntries" WHERE "OrganizationId" = @org AND "EntityId" IN (SELECT "Id" FROM "ProjectTransactions" WHERE "ProjectId" IN ({projects}))""",
            $"""DELETE FROM "ProjectPartners" WHERE "ProjectId" IN ({projects})""",
            $"""DELETE FROM "ProjectTransactions" WHERE "ProjectId" IN ({projects})""",
            $"""DELETE FROM "Projects" WHERE "OrganizationId" = @org AND "IatiIdentifier" LIKE @prefix""",
        ];
        foreach (var sql in statements)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.CommandTimeout = 600;
            AddParameter(cmd, "org", organizationId);
            AddParameter(cmd, "prefix", prefix + "%");
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (raw.IsPostgres)
        {
            // What autovacuum would do after so many deletes, so it does not start during the next round.
            await using var vacuum = conn.CreateCommand();
            vacuum.CommandText = """VACUUM (ANALYZE) "Projects", "ProjectPartners", "ProjectTransactions", "AuditEntries" """;
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private sealed class Rows(RawDatabase raw, Guid organizationId)
    {
        public async Task<RowCounts> CountAsync(CancellationToken ct)
        {
            await using var conn = await raw.OpenAsync(ct);
            async Task<long> Count(string table)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"""SELECT COUNT(*) FROM "{table}" WHERE "OrganizationId" = @org""";
                AddParameter(cmd, "org", organizationId);
                return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
            return new RowCounts(await Count("Projects"), await Count("ProjectPartners"), await Count("ProjectTransactions"), await Count("AuditEntries"));
        }
    }
}

/// <summary>The process's peaks during a pass.</summary>
public sealed record MemoryPeak(long ManagedBefore, long ManagedPeak, long WorkingSetBefore, long WorkingSetPeak, long Allocated, int Gen2)
{
    public override string ToString() =>
        $"managed {ManagedBefore / (1024 * 1024):N0} → peak {ManagedPeak / (1024 * 1024):N0} MiB, working set {WorkingSetBefore / (1024 * 1024):N0} → peak {WorkingSetPeak / (1024 * 1024):N0} MiB, "
        + $"allocated {(Allocated >= 0 ? $"{Allocated / (1024 * 1024):N0} MiB" : "n/a (the counter went backwards)")}, {Gen2} gen2 GCs";
}

/// <summary>Samples GC.GetTotalMemory(false) and the resident set every 50 ms; resets and reads the kernel's peak (VmHWM) when it can.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _managedBefore, _rssBefore, _allocatedBefore;
    private readonly int _gen2Before;
    private readonly bool _hwmReset;
    private long _managedPeak, _rssPeak;
    private MemoryPeak? _result;

    private MemorySampler()
    {
        _hwmReset = TryResetPeak();
        _managedBefore = _managedPeak = GC.GetTotalMemory(false);
        _rssBefore = _rssPeak = Rss();
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _gen2Before = GC.CollectionCount(2);
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token)) Sample();
            }
            catch (OperationCanceledException) { }
        });
    }

    public static MemorySampler Start() => new();

    private void Sample()
    {
        _managedPeak = Math.Max(_managedPeak, GC.GetTotalMemory(false));
        _rssPeak = Math.Max(_rssPeak, Rss());
    }

    public async Task<MemoryPeak> StopAsync()
    {
        if (_result is not null) return _result;
        Sample();
        _stop.Cancel();
        await _loop;
        var peak = _hwmReset && Hwm() is { } hwm ? Math.Max(hwm, _rssPeak) : _rssPeak;
        _result = new MemoryPeak(_managedBefore, _managedPeak, _rssBefore, peak, GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore, GC.CollectionCount(2) - _gen2Before);
        return _result;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    /// <summary>Linux: writing 5 to /proc/self/clear_refs resets the peak resident set size (VmHWM).</summary>
    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException) { return false; }
    }

    private static long Rss()
    {
        try
        {
            // statm: size resident shared … in pages.
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            using var p = Process.GetCurrentProcess();
            return p.WorkingSet64;
        }
    }

    private static long? Hwm()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is null) return null;
            return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return null; }
    }
}
