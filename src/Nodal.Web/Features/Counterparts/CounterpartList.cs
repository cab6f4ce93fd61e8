using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Counterparts;

/// <summary>What a counterparts list asks for: search, sort, paging, and the filters kind, country, region and possible duplicates.</summary>
public sealed class CounterpartListQuery
{
    /// <summary>Searches code, name and acronym.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }
    /// <summary>code, name, kind or country.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")]
    public string? Dir { get; set; }
    [FromQuery(Name = "page")]
    public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }
    [FromQuery(Name = "kind")]
    public CounterpartKind? Kind { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; set; }
    /// <summary>A UN M49 region or sub-region code, such as 150 (Europe) or 419 (Latin America and the Caribbean).</summary>
    [FromQuery(Name = "region")]
    public string? Region { get; set; }
    /// <summary>Only counterparts that look like another one.</summary>
    [FromQuery(Name = "duplicates")]
    public bool? Duplicates { get; set; }

    public ListQuery ToListQuery() => new() { Q = Q, Sort = Sort, Dir = Dir, Page = Page, PageSize = PageSize };

    /// <summary>The query string of these filters (without paging and sorting), for links.</summary>
    public string FilterString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            var s = value?.ToString();
            if (!string.IsNullOrWhiteSpace(s)) parts.Add($"{key}={Uri.EscapeDataString(s)}");
        }
        Add("q", Q); Add("kind", Kind); Add("country", Country); Add("region", Region);
        if (Duplicates == true) Add("duplicates", "true");
        return string.Join('&', parts);
    }
}

/// <summary>One line of the counterparts list.</summary>
public sealed record CounterpartRow(
    Guid Id, string Code, CounterpartKind Kind, string Name, string? Acronym, string? Country, string? Region,
    long? Population, bool PossibleDuplicate, long Version);

/// <summary>The counterparts list (pages, API and export).</summary>
public sealed class CounterpartListService(NodalDbContext db, CounterpartService counterparts)
{
    public static readonly string[] SortKeys = ["code", "name", "kind", "country"];

    public IQueryable<Counterpart> Filtered(CounterpartListQuery query, HashSet<Guid> duplicates)
    {
        var q = db.Counterparts.AsNoTracking();
        if (query.Kind is { } kind) q = q.Where(c => c.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            q = q.Where(c => c.Country == country);
        }
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var region = query.Region.Trim();
            var countries = M49.IsArea(region) ? M49.CountriesIn(region).ToList() : [];
            q = q.Where(c => c.Country != null && countries.Contains(c.Country));
        }
        if (query.Duplicates == true)
        {
            var ids = duplicates.ToList();
            q = q.Where(c => ids.Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(c => c.Code.ToLower().Contains(s) || c.Name.ToLower().Contains(s) || (c.Acronym ?? "").ToLower().Contains(s));
        }
        return q;
    }

    public async Task<PagedList<CounterpartRow>> ListAsync(CounterpartListQuery query, CancellationToken ct)
    {
        var duplicates = await counterparts.PossibleDuplicateIdsAsync(ct);
        var q = Filtered(query, duplicates);
        var sorts = new SortMap<Counterpart>("name")
            .Add("code", c => c.Code)
            .Add("name", c => c.Name)
            .Add("kind", c => c.Kind)
            .Add("country", c => c.Country);
        var list = query.ToListQuery();
        var total = await q.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        // The code breaks ties, so that paging is stable.
        var items = await sorts.Apply(q, key, list.Descending).ThenBy(c => c.Code).Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.Code, c.Kind, c.Name, c.Acronym, c.Country, c.Region, c.Population, c.Version }).ToListAsync(ct);
        var rows = items.Select(c => new CounterpartRow(c.Id, c.Code, c.Kind, c.Name, c.Acronym, c.Country, c.Region, c.Population, duplicates.Contains(c.Id), c.Version)).ToList();
        return new PagedList<CounterpartRow>(rows, total, page, size, key, list.Descending);
    }
}

/// <summary>Options and words the counterparts pages share.</summary>
public static class CounterpartDisplay
{
    public static IEnumerable<SelectListItem> Kinds(IStringLocalizer L) =>
        Enum.GetValues<CounterpartKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    /// <summary>UN M49 regions, each followed by its sub-regions.</summary>
    public static IEnumerable<SelectListItem> Regions()
    {
        var lang = Languages.Current;
        foreach (var region in M49.Regions)
        {
            var group = new SelectListGroup { Name = region.Name.Get(lang) };
            yield return new SelectListItem(region.Name.Get(lang), region.Code) { Group = group };
            foreach (var sub in M49.ChildrenOf(region.Code).Where(a => a.Level == M49.SubRegionLevel))
                yield return new SelectListItem(sub.Name.Get(lang), sub.Code) { Group = group };
        }
    }

    public static IEnumerable<SelectListItem> Networks()
    {
        var lang = Languages.Current;
        return CityNetworks.All.OrderBy(n => n.Acronym, StringComparer.CurrentCultureIgnoreCase)
            .Select(n => new SelectListItem(string.Equals(n.Acronym, n.Name.Get(lang, "en"), StringComparison.OrdinalIgnoreCase) ? n.Acronym : $"{n.Acronym} — {n.Name.Get(lang, "en")}", n.Code));
    }

    public static string CountryName(string? code) => code is null ? "—" : Nodal.Web.Features.Organizations.Countries.Name(code, Languages.Current);

    /// <summary>"Springfield, Illinois, US · 116,565" (the population per the reader's culture).</summary>
    public static string Place(Gazetteer.City c) =>
        // The first-level division is a GeoNames code (MO, 75…): short, but it tells same-named cities apart.
        string.Join(", ", new[] { c.Name, c.Admin1, Nodal.Web.Features.Actions.ActionDisplay.CountryName(c.Country) }.Where(s => !string.IsNullOrWhiteSpace(s)))
        + " · " + c.Population.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    public static string Number(long? n) => n?.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) ?? "—";

    public static string Coordinate(double? d) => d?.ToString("0.#####", System.Globalization.CultureInfo.CurrentCulture) ?? "—";
}
