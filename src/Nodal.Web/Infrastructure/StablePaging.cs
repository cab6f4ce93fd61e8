using System.Linq.Expressions;

namespace Nodal.Web.Infrastructure;

public static class StablePaging
{
    /// <summary>Like <see cref="Listing.ToPagedAsync{T,TOut}"/>, then by a unique key, so rows with the same sort value
    /// (two units with the same staff) keep one order and no row shows on two pages or on none.</summary>
    public static async Task<PagedList<TOut>> ToStablePagedAsync<T, TTie, TOut>(this IQueryable<T> query, ListQuery list, SortMap<T> sorts,
        Expression<Func<T, TTie>> tie, Expression<Func<T, TOut>> select, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        var items = await sorts.Apply(query, key, list.Descending).ThenBy(tie).Skip((page - 1) * size).Take(size).Select(select).ToListAsync(ct);
        return new PagedList<TOut>(items, total, page, size, key, list.Descending);
    }

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
