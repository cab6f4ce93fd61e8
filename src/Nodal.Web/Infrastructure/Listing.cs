using System.Linq.Expressions;

namespace Nodal.Web.Infrastructure;

/// <summary>What a list request asks for: search text, sort key and direction, page.</summary>
public sealed class ListQuery
{
    public const int MaxPageSize = 200;
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public string? Dir { get; set; }
    /// <summary>From the query string: on a Razor page the route value "page" (the page's own name) would win.</summary>
    [FromQuery(Name = "page")] public int? Page { get; set; }
    public int? PageSize { get; set; }
    /// <summary>A list-specific filter value (e.g. departments: with or without focal points).</summary>
    public string? Filter { get; set; }

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);
    public int SafePage => Math.Max(1, Page ?? 1);
    public int SafePageSize => Math.Clamp(PageSize ?? 25, 1, MaxPageSize);
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, string? Sort, bool Descending)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;
    public int From => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int To => Math.Min(Total, Page * PageSize);
}

/// <summary>A list's sort keys, by name; anything else falls back to the default key.</summary>
public sealed class SortMap<T>(string defaultKey)
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _keys = new(StringComparer.OrdinalIgnoreCase);

    public SortMap<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys[name] = (q, desc) => desc ? q.OrderByDescending(key) : q.OrderBy(key);
        return this;
    }

    public string Resolve(string? requested) => requested is not null && _keys.ContainsKey(requested) ? requested : defaultKey;

    public IOrderedQueryable<T> Apply(IQueryable<T> query, string? requested, bool descending) => _keys[Resolve(requested)](query, descending);
}

public static class Listing
{
    public static Task<PagedList<TOut>> ToPagedAsync<T, TOut>(this IQueryable<T> query, ListQuery list, SortMap<T> sorts,
        Expression<Func<T, TOut>> select, CancellationToken ct) =>
        PageAsync(query, list, sorts, ordered => ordered, select, ct);

    /// <summary>Like <see cref="ToPagedAsync{T,TOut}"/>, then by a unique key, so rows with the same sort value
    /// (two units with the same staff) keep one order and no row shows on two pages or on none.</summary>
    public static Task<PagedList<TOut>> ToStablePagedAsync<T, TTie, TOut>(this IQueryable<T> query, ListQuery list, SortMap<T> sorts,
        Expression<Func<T, TTie>> tie, Expression<Func<T, TOut>> select, CancellationToken ct) =>
        PageAsync(query, list, sorts, ordered => ordered.ThenBy(tie), select, ct);

    private static async Task<PagedList<TOut>> PageAsync<T, TOut>(IQueryable<T> query, ListQuery list, SortMap<T> sorts,
        Func<IOrderedQueryable<T>, IOrderedQueryable<T>> then, Expression<Func<T, TOut>> select, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        var items = await then(sorts.Apply(query, key, list.Descending)).Skip((page - 1) * size).Take(size).Select(select).ToListAsync(ct);
        return new PagedList<TOut>(items, total, page, size, key, list.Descending);
    }

    /// <summary>Case-insensitive "contains" that works the same on SQLite and PostgreSQL (for accented letters too: see <see cref="SqliteUnicode"/>).</summary>
    public static string LikePattern(string q) =>
        "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>A query string from its non-empty parts, each escaped: "q=a%20b&amp;role=Viewer".</summary>
    public static string QueryString(params (string Key, object? Value)[] parts) =>
        string.Join('&', parts.Select(p => (p.Key, Value: p.Value switch
            {
                null => null,
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var v => v.ToString(),
            }))
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.Trim())}"));
}
