using System.Linq.Expressions;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>What a projects list asks for: search, sort, paging, and the filters kind, status, our role, sector category, country, year.</summary>
public sealed class ProjectListQuery
{
    /// <summary>Searches code, IATI identifier, titles and descriptions.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>code, title, status, start, end or budget.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }
    [FromQuery(Name = "kind")] public CooperationKind? Kind { get; set; }
    [FromQuery(Name = "status")] public ProjectStatus? Status { get; set; }
    /// <summary>The organization's role in the project.</summary>
    [FromQuery(Name = "role")] public ProjectRole? Role { get; set; }
    /// <summary>A DAC 3-digit sector category (e.g. 151 government and civil society).</summary>
    [FromQuery(Name = "sector")] public string? Sector { get; set; }
    /// <summary>ISO 3166-1 alpha-2 recipient country.</summary>
    [FromQuery(Name = "country")] public string? Country { get; set; }
    /// <summary>Projects running that year (actual dates, else planned ones).</summary>
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public ListQuery ToListQuery() => new() { Q = Q, Sort = Sort, Dir = Dir, Page = Page, PageSize = PageSize };

    public string FilterString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            var s = value?.ToString();
            if (!string.IsNullOrWhiteSpace(s)) parts.Add($"{key}={Uri.EscapeDataString(s)}");
        }
        Add("q", Q); Add("kind", Kind); Add("status", Status); Add("role", Role); Add("sector", Sector); Add("country", Country); Add("year", Year);
        return string.Join('&', parts);
    }
}

/// <summary>One line of the projects list.</summary>
public sealed record ProjectRow(Guid Id, string Code, string Title, CooperationKind Kind, ProjectRole OurRole, ProjectStatus Status,
    DateOnly? Start, DateOnly? End, decimal? Budget, string Currency, IReadOnlyList<string> Countries);

/// <summary>The budgets of the projects matching the filters, added up per currency (never converted).</summary>
public sealed record BudgetTotal(string Currency, decimal Amount);

public sealed record ProjectPage(PagedList<ProjectRow> List, IReadOnlyList<BudgetTotal> Budgets);

public sealed class ProjectListService(NodalDbContext db, TenantContext tenant)
{
    public async Task<ProjectPage> ListAsync(ProjectListQuery query, CancellationToken ct)
    {
        var lang = Languages.Current;
        var q = db.Projects.AsNoTracking();
        if (query.Kind is { } kind) q = q.Where(p => p.Kind == kind);
        if (query.Status is { } status) q = q.Where(p => p.Status == status);
        if (query.Role is { } role) q = q.Where(p => p.OurRole == role);
        if (!string.IsNullOrWhiteSpace(query.Sector))
        {
            var prefix = query.Sector.Trim();
            q = q.Where(p => p.Sectors.Any(s => s.StartsWith(prefix)));
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            q = q.Where(p => p.Countries.Contains(country));
        }
        if (query.Year is { } year and >= 1 and <= 9999)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(p => (p.ActualStart ?? p.PlannedStart) != null && (p.ActualStart ?? p.PlannedStart) <= to
                             && (p.ActualEnd ?? p.PlannedEnd ?? p.ActualStart ?? p.PlannedStart) >= from);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(p => p.Code.ToLower().Contains(s) || (p.IatiIdentifier ?? "").ToLower().Contains(s)
                             || (p.Title.Es ?? "").ToLower().Contains(s) || (p.Title.En ?? "").ToLower().Contains(s) || (p.Title.Fr ?? "").ToLower().Contains(s)
                             || (p.Description.Es ?? "").ToLower().Contains(s) || (p.Description.En ?? "").ToLower().Contains(s) || (p.Description.Fr ?? "").ToLower().Contains(s));
        }

        var budgets = (await q.Where(p => p.Budget != null).GroupBy(p => p.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(p => p.Budget) }).ToListAsync(ct))
            .Select(b => new BudgetTotal(b.Currency, b.Amount ?? 0)).OrderBy(b => b.Currency).ToList();

        var sorts = new SortMap<CooperationProject>("code")
            .Add("code", p => p.Code)
            .Add("title", TitleKey(lang))
            .Add("status", p => p.Status)
            .Add("start", p => p.ActualStart ?? p.PlannedStart)
            .Add("end", p => p.ActualEnd ?? p.PlannedEnd)
            .Add("budget", p => p.Budget);
        var list = query.ToListQuery();
        var total = await q.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        var items = await sorts.Apply(q, key, list.Descending).ThenBy(p => p.Code).Skip((page - 1) * size).Take(size)
            .Select(p => new { p.Id, p.Code, p.Title, p.Kind, p.OurRole, p.Status, p.ActualStart, p.PlannedStart, p.ActualEnd, p.PlannedEnd, p.Budget, p.Currency, p.Countries })
            .ToListAsync(ct);
        var rows = items.Select(p => new ProjectRow(p.Id, p.Code, p.Title.Get(lang, tenant.DefaultLanguage), p.Kind, p.OurRole, p.Status,
            p.ActualStart ?? p.PlannedStart, p.ActualEnd ?? p.PlannedEnd, p.Budget, p.Currency, p.Countries)).ToList();
        return new ProjectPage(new PagedList<ProjectRow>(rows, total, page, size, key, list.Descending), budgets);
    }

    private static Expression<Func<CooperationProject, string?>> TitleKey(string lang) => lang switch
    {
        "es" => p => p.Title.Es ?? p.Title.En ?? p.Title.Fr,
        "fr" => p => p.Title.Fr ?? p.Title.En ?? p.Title.Es,
        _ => p => p.Title.En ?? p.Title.Es ?? p.Title.Fr,
    };
}
