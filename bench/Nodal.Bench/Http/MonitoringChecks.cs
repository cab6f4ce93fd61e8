using System.Net;
using System.Text;
using System.Text.Json;

namespace Nodal.Bench.Http;

/// <summary>What a measurement-and-evaluation endpoint should answer, as far as the benchmark can tell before the pages exist.</summary>
public abstract record MonitoringExpectation
{
    /// <summary>An HTML page of at least this size, that contains every one of <paramref name="Contains"/> (else a warning).</summary>
    public sealed record Page(int MinBytes, params string[] Contains) : MonitoringExpectation;

    /// <summary>
    /// A JSON document about the plan's indicators (the dashboard API): it must parse and not be empty; it should
    /// name the plan's indicators by id (how many it names is printed, none is a warning: its shape is not known yet).
    /// </summary>
    public sealed record PlanJson(IReadOnlyList<Guid> IndicatorIds) : MonitoringExpectation;
}

/// <summary>
/// Before measuring the monitoring endpoints: each answers 200 with something of substance for the generated
/// indicators. Only what is certain throws; what depends on choices the pages have not made yet prints a warning.
/// </summary>
public static class MonitoringChecks
{
    /// <summary>Checks one endpoint's first URL; returns its size, e.g. "212 KiB" or "500 of the plan's 500 indicators named, 96 KiB".</summary>
    public static async Task<string> RunAsync(HttpGetWorkload w, MonitoringExpectation expected, Action<string> warn, CancellationToken ct)
    {
        var (status, body) = await w.ProbeAsync(ct);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"{w.FirstPath} answered {(int)status}.");
        var bytes = Encoding.UTF8.GetByteCount(body);
        var size = bytes < 10 * 1024 ? $"{bytes:N0} bytes" : $"{bytes / 1024.0:N0} KiB";
        switch (expected)
        {
            case MonitoringExpectation.Page page:
                if (bytes < page.MinBytes)
                    throw new InvalidOperationException($"{w.FirstPath} answered only {bytes} bytes; expected a page of at least {page.MinBytes}.");
                var missing = page.Contains.Where(s => !body.Contains(s, StringComparison.Ordinal)).ToList();
                if (missing.Count > 0) warn($"{w.FirstPath} does not show {string.Join(", ", missing)}.");
                return size;

            case MonitoringExpectation.PlanJson plan:
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) || !root.EnumerateObjectOrArray().Any())
                        throw new InvalidOperationException($"{w.FirstPath} answered an empty document.");
                }
                var named = plan.IndicatorIds.Count(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
                if (named == 0) warn($"{w.FirstPath} names none of the plan's {plan.IndicatorIds.Count} indicators by id.");
                return $"{named:N0} of the plan's {plan.IndicatorIds.Count:N0} indicators named, {size}";
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(expected));
        }
    }

    private static IEnumerable<JsonElement> EnumerateObjectOrArray(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : e.EnumerateObject().Select(p => p.Value);
}
