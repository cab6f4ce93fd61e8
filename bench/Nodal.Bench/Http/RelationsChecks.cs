using System.Net;
using System.Text;
using System.Text.Json;

namespace Nodal.Bench.Http;

/// <summary>What a relations endpoint should answer, as far as the benchmark can tell before the pages exist.</summary>
public abstract record RelationsExpectation
{
    /// <summary>An HTML page of at least this size, that contains every one of <paramref name="Contains"/> (else a warning).</summary>
    public sealed record Page(int MinBytes, params string[] Contains) : RelationsExpectation;
    /// <summary>A JSON list: when it has <c>total</c>, not more than the organization has (else the tenant filter is off) and
    /// normally equal (else a warning, the list may filter by default); when it has <c>items</c>, a full page.</summary>
    public sealed record ApiList(int Total, int PageSize) : RelationsExpectation;
    /// <summary>A GeoJSON FeatureCollection with at least one feature and at most <paramref name="MaxFeatures"/>.</summary>
    public sealed record GeoJson(int MaxFeatures) : RelationsExpectation;
}

/// <summary>
/// Before measuring the relations endpoints: each answers 200 with something of substance for the generated
/// registry (not an empty page, not another organization's rows). Only what is certain throws; what depends
/// on choices the pages have not made yet (default filters, what a row shows) prints a warning.
/// </summary>
public static class RelationsChecks
{
    /// <summary>Checks one endpoint's first URL; returns its size, e.g. "212 KiB" or "50 of 2,000 items, 38 KiB".</summary>
    public static async Task<string> RunAsync(HttpGetWorkload w, RelationsExpectation expected, Action<string> warn, CancellationToken ct)
    {
        var (status, body) = await w.ProbeAsync(ct);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"{w.FirstPath} answered {(int)status}.");
        var bytes = Encoding.UTF8.GetByteCount(body);
        var size = bytes < 10 * 1024 ? $"{bytes:N0} bytes" : $"{bytes / 1024.0:N0} KiB";
        switch (expected)
        {
            case RelationsExpectation.Page page:
                if (bytes < page.MinBytes)
                    throw new InvalidOperationException($"{w.FirstPath} answered only {bytes} bytes; expected a page of at least {page.MinBytes}.");
                var missing = page.Contains.Where(s => !body.Contains(s, StringComparison.Ordinal)).ToList();
                if (missing.Count > 0) warn($"{w.FirstPath} does not show {string.Join(", ", missing)}.");
                return size;

            case RelationsExpectation.ApiList list:
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    if (root.GetArrayLength() == 0) throw new InvalidOperationException($"{w.FirstPath} answered an empty list.");
                    return $"{root.GetArrayLength():N0} items, {size}";
                }
                // The projects API wraps its page with the budget totals: { "list": { "items", "total", … }, "budgets": […] }.
                if (!root.TryGetProperty("total", out _) && root.TryGetProperty("list", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
                    root = wrapped;
                int? total = root.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
                int? items = root.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array ? i.GetArrayLength() : null;
                if (total > list.Total)
                    throw new InvalidOperationException($"{w.FirstPath} counts {total} records; the organization has {list.Total} (is the tenant filter off?).");
                if (total is { } n && n != list.Total) warn($"{w.FirstPath} counts {n:N0} records of the organization's {list.Total:N0} (a default filter?).");
                if (items == 0) throw new InvalidOperationException($"{w.FirstPath} answered no items.");
                if (items is { } k && k != Math.Min(list.PageSize, total ?? list.Total)) warn($"{w.FirstPath} lists {k} items on page 1; expected {Math.Min(list.PageSize, total ?? list.Total)}.");
                return $"{items?.ToString("N0") ?? "?"} of {total?.ToString("N0") ?? "?"} items, {size}";
            }

            case RelationsExpectation.GeoJson geo:
            {
                using var doc = JsonDocument.Parse(body);
                if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                    throw new InvalidOperationException($"{w.FirstPath} is not a GeoJSON FeatureCollection.");
                var count = features.GetArrayLength();
                if (count == 0) throw new InvalidOperationException($"{w.FirstPath} has no features.");
                if (count > geo.MaxFeatures)
                    throw new InvalidOperationException($"{w.FirstPath} has {count} features; the organization has {geo.MaxFeatures} counterparts (is the tenant filter off?).");
                return $"{count:N0} features, {size}";
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(expected));
        }
    }
}
