using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Indicators;

/// <summary>What an indicators list asks for: search, sort, paging, and the filters plan, level, department, objective, kind.</summary>
public sealed class IndicatorListQuery
{
    /// <summary>Searches the code and the name in any language.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>code, name, level, department or frequency.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }
    /// <summary>The plan; the organization's current plan when empty (every plan when none is current).</summary>
    [FromQuery(Name = "plan")] public Guid? Plan { get; set; }
    [FromQuery(Name = "level")] public IndicatorLevel? Level { get; set; }
    /// <summary>The owner department.</summary>
    [FromQuery(Name = "department")] public Guid? Department { get; set; }
    /// <summary>The objective the indicator is linked to.</summary>
    [FromQuery(Name = "objective")] public Guid? Objective { get; set; }
    [FromQuery(Name = "kind")] public IndicatorKind? Kind { get; set; }

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
        Add("q", Q); Add("plan", Plan); Add("level", Level); Add("department", Department); Add("objective", Objective); Add("kind", Kind);
        return string.Join('&', parts);
    }
}

/// <summary>What an indicator is linked to: an objective, an action, a project or an externality.</summary>
public sealed record IndicatorLink(string Kind, Guid Id, string Code, string Label, string Url);

/// <summary>One line of the indicators list, with its latest validated value and its light.</summary>
public sealed record IndicatorRow(
    Guid Id, Guid PlanId, string Code, string Name, IndicatorLevel Level, IndicatorKind Kind, Guid OwnerDepartmentId, string? OwnerDepartmentCode,
    Guid? ObjectiveId, Guid? ActionId, Guid? ProjectId, Guid? ExternalityId, IndicatorLink? Link, Frequency Frequency,
    string? LatestPeriod, string? LatestValue, double? Ratio, Light Light);

public sealed record IndicatorPlanChoice(Guid Id, string Title, int StartYear, int EndYear, bool IsCurrent);
public sealed record IndicatorObjective(Guid Id, string Code, string Statement);

/// <summary>What the filters and the form offer: plans, and the chosen plan's objectives, actions and externalities; departments and projects.</summary>
public sealed record IndicatorLookups(
    Guid? PlanId, IReadOnlyList<IndicatorPlanChoice> Plans, IReadOnlyList<IndicatorObjective> Objectives,
    IReadOnlyList<SelectListItem> Actions, IReadOnlyList<SelectListItem> Projects, IReadOnlyList<SelectListItem> Externalities,
    IReadOnlyList<SelectListItem> Departments)
{
    public IndicatorPlanChoice? Plan => Plans.FirstOrDefault(p => p.Id == PlanId);
}

/// <summary>The indicators list (pages and API), the lookups, and the links' labels.</summary>
public sealed class IndicatorListService(NodalDbContext db, TenantContext tenant, MonitoringFacts facts, Relations.RelationLookups relations)
{
    public static readonly string[] SortKeys = ["code", "name", "level", "department", "frequency"];

    private string Org => tenant.OrganizationSlug ?? "";

    public Task<Guid?> CurrentPlanIdAsync(CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.IsCurrent).OrderByDescending(p => p.StartYear).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    public async Task<PagedList<IndicatorRow>> ListAsync(IndicatorListQuery query, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var departments = db.Departments.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking();
        var q = db.Indicators.AsNoTracking();
        var planId = query.Plan ?? await CurrentPlanIdAsync(ct);
        if (planId is { } plan) q = q.Where(i => i.PlanId == plan);
        if (query.Level is { } level) q = q.Where(i => i.Level == level);
        if (query.Kind is { } kind) q = q.Where(i => i.Kind == kind);
        if (query.Department is { } dept) q = q.Where(i => i.OwnerDepartmentId == dept);
        if (query.Objective is { } objective) q = q.Where(i => i.ObjectiveId == objective);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(i => i.Code.ToLower().Contains(s)
                             || (i.Name.Es ?? "").ToLower().Contains(s) || (i.Name.En ?? "").ToLower().Contains(s) || (i.Name.Fr ?? "").ToLower().Contains(s));
        }
        var sorts = new SortMap<Indicator>("code")
            .Add("code", i => i.Code)
            .Add("name", NameKey(lang))
            .Add("level", i => i.Level)
            .Add("frequency", i => i.Frequency)
            .Add("department", i => departments.Where(d => d.Id == i.OwnerDepartmentId).Select(d => d.Code).FirstOrDefault());

        var list = query.ToListQuery();
        var total = await q.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        var items = await sorts.Apply(q, key, list.Descending).ThenBy(i => i.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var codes = await departments.Where(d => items.Select(i => i.OwnerDepartmentId).Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var links = await LinksAsync(items, ct);

        // Progress and the latest validated value only for this page's indicators, so the list stays fast.
        var ids = items.Select(i => i.Id).ToList();
        var progress = new Dictionary<Guid, IndicatorProgress>();
        foreach (var planOfPage in items.Select(i => i.PlanId).Distinct())
            foreach (var status in await facts.ProgressAsync(planOfPage, only: items.Where(i => i.PlanId == planOfPage).Select(i => i.Id).ToList(), ct: ct))
                progress[status.Id] = status.Progress;
        var today = facts.Today;
        var latest = (await db.Measurements.AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatus.Validated && m.Period <= today)
                .Select(m => new { m.IndicatorId, m.Period, m.Value, m.Text }).ToListAsync(ct))
            .GroupBy(m => m.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Period)!);

        var rows = items.Select(i =>
        {
            var p = progress.GetValueOrDefault(i.Id) ?? IndicatorProgress.Nothing(i.Id);
            var last = latest.GetValueOrDefault(i.Id);
            return new IndicatorRow(i.Id, i.PlanId, i.Code, i.Name.Get(lang, fallback), i.Level, i.Kind, i.OwnerDepartmentId, codes.GetValueOrDefault(i.OwnerDepartmentId),
                i.ObjectiveId, i.ActionId, i.ProjectId, i.ExternalityId, links.GetValueOrDefault(i.Id), i.Frequency,
                last is null ? null : MonitoringLabels.PeriodLabel(last.Period, i.Frequency),
                last is null ? null : MonitoringLabels.FormatValue(i, last.Value, last.Text), p.Ratio, p.Light);
        }).ToList();
        return new PagedList<IndicatorRow>(rows, total, page, size, key, list.Descending);
    }

    private static Expression<Func<Indicator, string?>> NameKey(string lang) => lang switch
    {
        "es" => i => i.Name.Es ?? i.Name.En ?? i.Name.Fr,
        "fr" => i => i.Name.Fr ?? i.Name.En ?? i.Name.Es,
        _ => i => i.Name.En ?? i.Name.Es ?? i.Name.Fr,
    };

    /// <summary>What each indicator is linked to, with a label and a link (records in the Trash left out).</summary>
    public async Task<Dictionary<Guid, IndicatorLink>> LinksAsync(IReadOnlyCollection<Indicator> indicators, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fb = tenant.DefaultLanguage;
        var objectiveIds = indicators.Where(i => i.ObjectiveId != null).Select(i => i.ObjectiveId!.Value).Distinct().ToList();
        var actionIds = indicators.Where(i => i.ActionId != null).Select(i => i.ActionId!.Value).Distinct().ToList();
        var projectIds = indicators.Where(i => i.ProjectId != null).Select(i => i.ProjectId!.Value).Distinct().ToList();
        var externalityIds = indicators.Where(i => i.ExternalityId != null).Select(i => i.ExternalityId!.Value).Distinct().ToList();
        var objectives = objectiveIds.Count == 0 ? [] : await db.Objectives.AsNoTracking().Where(o => objectiveIds.Contains(o.Id)).Select(o => new { o.Id, o.PlanId, o.Code, o.Statement }).ToListAsync(ct);
        var actions = actionIds.Count == 0 ? [] : await db.Actions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var projects = projectIds.Count == 0 ? [] : await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct);
        var externalities = externalityIds.Count == 0 ? [] : await db.Externalities.AsNoTracking().Where(x => externalityIds.Contains(x.Id)).Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(ct);
        var result = new Dictionary<Guid, IndicatorLink>();
        foreach (var i in indicators)
        {
            IndicatorLink? link = null;
            if (objectives.FirstOrDefault(o => o.Id == i.ObjectiveId) is { } o)
                link = new("objective", o.Id, o.Code, o.Statement.Get(lang, fb), $"/{Org}/plans/{o.PlanId}/objectives/{o.Id}");
            else if (actions.FirstOrDefault(a => a.Id == i.ActionId) is { } a)
                link = new("action", a.Id, a.Code, a.Title.Get(lang, fb), $"/{Org}/actions/{a.Id}");
            else if (projects.FirstOrDefault(p => p.Id == i.ProjectId) is { } p)
                link = new("project", p.Id, p.Code, p.Title.Get(lang, fb), $"/{Org}/projects/{p.Id}");
            else if (externalities.FirstOrDefault(x => x.Id == i.ExternalityId) is { } x)
                link = new("externality", x.Id, x.Code, x.Name.Get(lang, fb), $"/{Org}/externalities/{x.Id}");
            if (link is not null) result[i.Id] = link;
        }
        return result;
    }

    /// <summary>The objectives of the plan that no indicator measures (evaluation designed in from the start).</summary>
    public async Task<IReadOnlyList<IndicatorObjective>> ObjectivesWithoutIndicatorAsync(Guid planId, CancellationToken ct)
    {
        var lang = Languages.Current;
        var rows = await db.Objectives.AsNoTracking()
            .Where(o => o.PlanId == planId && !db.Indicators.Any(i => i.ObjectiveId == o.Id))
            .OrderBy(o => o.Family).ThenBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Statement }).ToListAsync(ct);
        return rows.Select(o => new IndicatorObjective(o.Id, o.Code, o.Statement.Get(lang, tenant.DefaultLanguage))).ToList();
    }

    /// <summary>The plans, departments and projects, and the given (else current) plan's objectives, actions and externalities.</summary>
    public async Task<IndicatorLookups> LookupsAsync(Guid? planId, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fb = tenant.DefaultLanguage;
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear)
            .Select(p => new { p.Id, p.Title, p.StartYear, p.EndYear, p.IsCurrent }).ToListAsync(ct);
        var plan = planId is { } wanted && plans.Any(p => p.Id == wanted) ? wanted : plans.FirstOrDefault(p => p.IsCurrent)?.Id;
        var objectives = plan is null ? [] : await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan)
            .OrderBy(o => o.Family).ThenBy(o => o.SortOrder).ThenBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Statement }).ToListAsync(ct);
        var actions = plan is null ? [] : await db.Actions.AsNoTracking().Where(a => a.PlanId == plan).OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var externalities = plan is null ? [] : await db.Externalities.AsNoTracking().Where(x => x.PlanId == plan).OrderBy(x => x.Code).Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(ct);
        return new IndicatorLookups(plan,
            plans.Select(p => new IndicatorPlanChoice(p.Id, p.Title.Get(lang, fb), p.StartYear, p.EndYear, p.IsCurrent)).ToList(),
            objectives.Select(o => new IndicatorObjective(o.Id, o.Code, o.Statement.Get(lang, fb))).ToList(),
            actions.Select(a => new SelectListItem($"{a.Code} — {Actions.ActionDisplay.Shorten(a.Title.Get(lang, fb), 80)}", a.Id.ToString())).ToList(),
            await relations.ProjectOptionsAsync(ct),
            externalities.Select(x => new SelectListItem($"{x.Code} — {x.Name.Get(lang, fb)}", x.Id.ToString())).ToList(),
            await relations.DepartmentOptionsAsync(ct));
    }
}
