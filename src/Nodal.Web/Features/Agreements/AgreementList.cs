using System.Globalization;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>What an agreements list asks for: search, filters, sort and page.</summary>
public sealed class AgreementListQuery
{
    /// <summary>Searches code, titles, subjects and the parties' names.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>code, title, kind, status, expires or activity (last activity).</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }
    [FromQuery(Name = "kind")] public AgreementKind? Kind { get; set; }
    [FromQuery(Name = "status")] public AgreementStatus? Status { get; set; }
    /// <summary>ISO 3166-1 alpha-2 of a party.</summary>
    [FromQuery(Name = "country")] public string? Country { get; set; }
    /// <summary>Only active agreements with no activity for the organization's dormancy period.</summary>
    [FromQuery(Name = "dormant")] public bool? Dormant { get; set; }
    /// <summary>Only agreements expiring within 90 days (or past their expiry while still active).</summary>
    [FromQuery(Name = "expiring")] public bool? Expiring { get; set; }

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    public string FilterString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } s) parts.Add($"{key}={Uri.EscapeDataString(s)}");
        }
        Add("q", Q);
        Add("kind", Kind);
        Add("status", Status);
        Add("country", Country);
        if (Dormant == true) Add("dormant", "true");
        if (Expiring == true) Add("expiring", "true");
        return string.Join('&', parts);
    }
}

public sealed record AgreementRow(
    Guid Id, string Code, string Title, AgreementKind Kind, AgreementStatus Status, IReadOnlyList<string> Parties,
    DateOnly? SignedOn, DateOnly? ExpiresOn, DateOnly? LastActivity, bool Dormant, ExpiryNotice ExpiryNotice);

/// <summary>
/// The agreements list. An organization holds hundreds of agreements at most, and their health is computed from
/// linked records: the list reads them all with their activity dates in a handful of queries, then filters,
/// sorts and pages in memory.
/// </summary>
public sealed class AgreementListService(NodalDbContext db, AgreementService agreements, TenantContext tenant)
{
    public static readonly string[] SortKeys = ["code", "title", "kind", "status", "expires", "activity"];

    public async Task<PagedList<AgreementRow>> ListAsync(AgreementListQuery query, CancellationToken ct)
    {
        var (list, sort, desc) = await FilteredAsync(query, ct);
        var size = Math.Clamp(query.PageSize ?? 25, 1, ListQuery.MaxPageSize);
        var pages = Math.Max(1, (int)Math.Ceiling(list.Count / (double)size));
        var page = Math.Clamp(query.Page ?? 1, 1, pages);
        return new PagedList<AgreementRow>(list.Skip((page - 1) * size).Take(size).ToList(), list.Count, page, size, sort, desc);
    }

    /// <summary>Every agreement the query's search and filters keep, in its order (no paging): the list and its export.</summary>
    public async Task<(IReadOnlyList<AgreementRow> Rows, string Sort, bool Descending)> FilteredAsync(AgreementListQuery query, CancellationToken ct)
    {
        var rows = await AllAsync(ct);
        var filtered = rows.AsEnumerable();
        if (query.Kind is { } kind) filtered = filtered.Where(r => r.Row.Kind == kind);
        if (query.Status is { } status) filtered = filtered.Where(r => r.Row.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var c = query.Country.Trim().ToUpperInvariant();
            filtered = filtered.Where(r => r.Countries.Contains(c));
        }
        if (query.Dormant == true) filtered = filtered.Where(r => r.Row.Dormant);
        if (query.Expiring == true) filtered = filtered.Where(r => r.Row.ExpiryNotice != ExpiryNotice.None);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            filtered = filtered.Where(r => r.Search.Contains(q, StringComparison.CurrentCultureIgnoreCase));
        }
        var sort = query.Sort is { } s && SortKeys.Contains(s, StringComparer.OrdinalIgnoreCase) ? s.ToLowerInvariant() : "code";
        var desc = query.Descending;
        var list = filtered.Select(r => r.Row).ToList();
        IOrderedEnumerable<AgreementRow> ordered = sort switch
        {
            "title" => Order(list, r => r.Title, desc, StringComparer.CurrentCultureIgnoreCase),
            "kind" => Order(list, r => (int)r.Kind, desc),
            "status" => Order(list, r => (int)r.Status, desc),
            // Agreements without an end date or without activity go last either way.
            "expires" => list.OrderBy(r => r.ExpiresOn is null).Then(r => r.ExpiresOn, desc),
            "activity" => list.OrderBy(r => r.LastActivity is null).Then(r => r.LastActivity, desc),
            _ => Order(list, r => r.Code, desc, StringComparer.OrdinalIgnoreCase),
        };
        return (ordered.ThenBy(r => r.Code, StringComparer.OrdinalIgnoreCase).ToList(), sort, desc);
    }

    /// <summary>Active agreements that need attention: dormant, or expiring within 90 days (or past expiry), most urgent first.</summary>
    public async Task<IReadOnlyList<AgreementRow>> NeedingAttentionAsync(CancellationToken ct) =>
        (await AllAsync(ct)).Select(r => r.Row).Where(r => r.Dormant || r.ExpiryNotice != ExpiryNotice.None)
            .OrderByDescending(r => r.ExpiryNotice) // expired, then within 30 days, then within 90, then only dormant
            .ThenBy(r => r.ExpiresOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.LastActivity ?? DateOnly.MinValue)
            .ThenBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private sealed record Loaded(AgreementRow Row, HashSet<string> Countries, string Search);

    private async Task<List<Loaded>> AllAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var all = await db.Agreements.AsNoTracking().ToListAsync(ct);
        var dates = await agreements.ActivityDatesAsync(null, ct);
        var months = await agreements.DormancyMonthsAsync(ct);
        var partyIds = all.SelectMany(a => a.PartyIds).Distinct().ToList();
        var parties = partyIds.Count == 0 ? [] : await db.Counterparts.AsNoTracking().Where(c => partyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Acronym, c.Country }).ToDictionaryAsync(c => c.Id, ct);
        return all.Select(a =>
        {
            var health = agreements.Health(a, dates, months);
            var ps = a.PartyIds.Where(parties.ContainsKey).Select(id => parties[id]).ToList();
            var title = a.Title.Get(lang, fallback);
            var row = new AgreementRow(a.Id, a.Code, title, a.Kind, a.Status,
                ps.Select(p => p.Country is null ? p.Name : $"{p.Name} ({p.Country})").ToList(),
                a.SignedOn, a.ExpiresOn, health.LastActivity, health.Dormant, health.Expiry);
            var search = string.Join('\n', new[] { a.Code, a.Title.Es, a.Title.En, a.Title.Fr }.Concat(a.Subjects)
                .Concat(ps.Select(p => p.Name)).Concat(ps.Select(p => p.Acronym)).Where(s => !string.IsNullOrEmpty(s)));
            return new Loaded(row, ps.Where(p => p.Country is not null).Select(p => p.Country!).ToHashSet(StringComparer.OrdinalIgnoreCase), search);
        }).ToList();
    }

    private static IOrderedEnumerable<AgreementRow> Order<TKey>(IEnumerable<AgreementRow> rows, Func<AgreementRow, TKey> key, bool desc, IComparer<TKey>? comparer = null) =>
        desc ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
}

internal static class AgreementOrdering
{
    public static IOrderedEnumerable<T> Then<T, TKey>(this IOrderedEnumerable<T> rows, Func<T, TKey> key, bool desc) =>
        desc ? rows.ThenByDescending(key) : rows.ThenBy(key);
}

/// <summary>Display helpers for the agreement pages.</summary>
public static class AgreementDisplay
{
    public static string Date(DateOnly? d) => d is null ? "—" : d.Value.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string StatusTagClass(AgreementStatus s) => s switch
    {
        AgreementStatus.Active => "govuk-tag govuk-tag--green",
        AgreementStatus.Signed or AgreementStatus.Approved => "govuk-tag govuk-tag--blue",
        AgreementStatus.Draft or AgreementStatus.LegalReview => "govuk-tag govuk-tag--grey",
        AgreementStatus.Renewed => "govuk-tag govuk-tag--purple",
        _ => "govuk-tag govuk-tag--red",
    };

    public static string? ExpiryText(ExpiryNotice notice, AgreementStatus status, IStringLocalizer L) => notice switch
    {
        ExpiryNotice.Expired when status == AgreementStatus.Active => L["Expired, status not updated"].Value,
        ExpiryNotice.Expired => L["Expired"].Value,
        ExpiryNotice.Within30Days => L["Expires within 30 days"].Value,
        ExpiryNotice.Within90Days => L["Expires within 90 days"].Value,
        _ => null,
    };

    public static string ExpiryTagClass(ExpiryNotice notice) => notice switch
    {
        ExpiryNotice.Expired or ExpiryNotice.Within30Days => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Kinds(IStringLocalizer L) =>
        Enum.GetValues<AgreementKind>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Statuses(IStringLocalizer L) =>
        Enum.GetValues<AgreementStatus>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> RenewalTermsItems(IStringLocalizer L) =>
        Enum.GetValues<RenewalTerms>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LedgerKinds(IStringLocalizer L) =>
        Enum.GetValues<LedgerKind>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Label(L), k.ToString()));
}
