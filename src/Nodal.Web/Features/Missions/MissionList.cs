using Nodal.Core.Relations;

namespace Nodal.Web.Features.Missions;

/// <summary>What the missions list asks for: filters, search, sorting and paging.</summary>
public sealed class MissionListQuery
{
    /// <summary>Searches titles, cities and the delegation.</summary>
    public string? Q { get; set; }
    public MissionKind? Kind { get; set; }
    public MissionStatus? Status { get; set; }
    /// <summary>Taking place (in part) that year.</summary>
    public int? Year { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }
    /// <summary>upcoming (ends today or later) or past (ended before today).</summary>
    public string? When { get; set; }
    /// <summary>start (default), end, title, kind, status, country.</summary>
    public string? Sort { get; set; }
    public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    public int? PageSize { get; set; }

    public string FilterString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && !(value is string s && string.IsNullOrWhiteSpace(s))) parts.Add($"{key}={Uri.EscapeDataString(value.ToString()!)}");
        }
        Add("q", Q); Add("kind", Kind); Add("status", Status); Add("year", Year); Add("country", Country); Add("when", When);
        return string.Join("&", parts);
    }
}

public sealed record MissionRow(Guid Id, MissionKind Kind, EventKind? EventKind, string Title, DateOnly Start, DateOnly End,
    MissionStatus Status, string? City, string? Country);

public sealed class MissionListService(NodalDbContext db, TenantContext tenant, TimeProvider clock)
{
    private static readonly SortMap<Mission> Sorts = new SortMap<Mission>("start")
        .Add("start", m => m.Start).Add("end", m => m.End).Add("kind", m => m.Kind).Add("status", m => m.Status)
        .Add("country", m => m.Country).Add("title", m => m.Title.Es ?? m.Title.En ?? m.Title.Fr);

    public async Task<PagedList<MissionRow>> ListAsync(MissionListQuery query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = db.Missions.AsNoTracking();
        if (query.Kind is { } kind) q = q.Where(m => m.Kind == kind);
        if (query.Status is { } status) q = q.Where(m => m.Status == status);
        if (query.Year is { } year and >= 1900 and <= 2200)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(m => m.Start <= to && m.End >= from);
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var c = query.Country.Trim().ToUpperInvariant();
            q = q.Where(m => m.Country == c);
        }
        if (string.Equals(query.When, "upcoming", StringComparison.OrdinalIgnoreCase)) q = q.Where(m => m.End >= today);
        else if (string.Equals(query.When, "past", StringComparison.OrdinalIgnoreCase)) q = q.Where(m => m.End < today);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(m => (m.Title.Es ?? "").ToLower().Contains(s) || (m.Title.En ?? "").ToLower().Contains(s) || (m.Title.Fr ?? "").ToLower().Contains(s)
                             || (m.City ?? "").ToLower().Contains(s) || m.Delegation.Any(d => d.ToLower().Contains(s)));
        }
        var list = new ListQuery { Sort = query.Sort, Dir = query.Dir ?? (query.Sort is null && !string.Equals(query.When, "upcoming", StringComparison.OrdinalIgnoreCase) ? "desc" : null), Page = query.Page, PageSize = query.PageSize };
        var page = await q.ToPagedAsync(list, Sorts, m => new { m.Id, m.Kind, m.EventKind, m.Title, m.Start, m.End, m.Status, m.City, m.Country }, ct);
        var lang = Languages.Current;
        var rows = page.Items.Select(m => new MissionRow(m.Id, m.Kind, m.EventKind, m.Title.Get(lang, tenant.DefaultLanguage), m.Start, m.End, m.Status, m.City, m.Country)).ToList();
        return new PagedList<MissionRow>(rows, page.Total, page.Page, page.PageSize, page.Sort, page.Descending);
    }
}
