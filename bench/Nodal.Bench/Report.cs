using Nodal.Bench.Http;

namespace Nodal.Bench;

public static class Report
{
    /// <summary>Every workload against the baseline (/ping) measured in the same run.</summary>
    public static void Table(IReadOnlyList<Measurement> results, IReadOnlyDictionary<string, int> queries, bool markdown)
    {
        var baseline = results[0];
        string[] head = ["workload", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "req/s ÷ ping", "p95 ÷ ping p95", "SQL/req"];
        var rows = results.Select(m => new[]
        {
            m.Label,
            m.Requests.ToString("N0"),
            m.RequestsPerSecond.ToString("N0"),
            m.P50.ToString("F2"),
            m.P95.ToString("F2"),
            m.P99.ToString("F2"),
            (m.RequestsPerSecond / baseline.RequestsPerSecond).ToString("F3"),
            (m.P95 / baseline.P95).ToString("F1"),
            queries.TryGetValue(m.Label, out var q) ? q.ToString() : "",
        }).ToList();

        if (markdown)
        {
            Console.WriteLine("| " + string.Join(" | ", head) + " |");
            Console.WriteLine("|" + string.Join("|", head.Select((_, i) => i == 0 ? "---" : "---:")) + "|");
            foreach (var r in rows) Console.WriteLine("| " + string.Join(" | ", r) + " |");
            return;
        }
        var widths = head.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        Console.WriteLine(Line(head));
        Console.WriteLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var r in rows) Console.WriteLine(Line(r));
    }

    /// <summary>p95 of an endpoint over p95 of its raw SQL, both from the same set: "2.4× (12.10/5.04)".</summary>
    public static string Ratio(IReadOnlyList<Measurement> set, Workload endpoint, Workload rawSql)
    {
        var e = set.Single(m => m.Label == endpoint.Label);
        var r = set.Single(m => m.Label == rawSql.Label);
        return $"{e.P95 / r.P95:F1}× ({e.P95:F2}/{r.P95:F2})";
    }
}
