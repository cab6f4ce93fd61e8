using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>What an evaluations list asks for: search, sort, paging, and the filters.</summary>
public sealed class EvaluationListQuery
{
    /// <summary>Searches the code and the titles.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>code, title, kind, status, start or end.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }
    /// <summary>One plan; every plan when empty.</summary>
    [FromQuery(Name = "plan")] public Guid? Plan { get; set; }
    [FromQuery(Name = "kind")] public EvaluationKind? Kind { get; set; }
    [FromQuery(Name = "scope")] public EvaluationScope? Scope { get; set; }
    [FromQuery(Name = "status")] public EvaluationStatus? Status { get; set; }
    /// <summary>Internal, External or Mixed.</summary>
    [FromQuery(Name = "evaluators")] public EvaluatorKind? Evaluators { get; set; }
    /// <summary>Evaluations running that year (from start to end; one date alone counts for its year).</summary>
    [FromQuery(Name = "year")] public int? Year { get; set; }

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
        Add("q", Q); Add("plan", Plan); Add("kind", Kind); Add("scope", Scope); Add("status", Status); Add("evaluators", Evaluators); Add("year", Year);
        return string.Join('&', parts);
    }
}

/// <summary>One line of the evaluations list.</summary>
/// <param name="ScopeLabel">The plan, objective, action or project evaluated ("O1 — …"), in the reader's language.</param>
/// <param name="ScopeUrl">Where that record lives.</param>
/// <param name="RecommendationsOverdue">Due before today and neither done nor rejected.</param>
public sealed record EvaluationRow(
    Guid Id, string Code, string Title, EvaluationKind Kind, EvaluationScope Scope, string? ScopeLabel, string? ScopeUrl,
    EvaluationStatus Status, DateOnly? Start, DateOnly? End, EvaluatorKind Evaluators, bool IsGoodPractice,
    int RecommendationsDone, int RecommendationsTotal, int RecommendationsOverdue);

public sealed record Choice(Guid Id, string Label);

/// <summary>What the list's filters and the form offer: plans, and the chosen plan's objectives and actions; projects; departments.</summary>
public sealed record EvaluationLookups(
    Guid? PlanId, IReadOnlyList<Choice> Plans, IReadOnlyList<Choice> Objectives, IReadOnlyList<Choice> Actions,
    IReadOnlyList<Choice> Projects, IReadOnlyList<Choice> Departments)
{
    public static IEnumerable<SelectListItem> Items(IEnumerable<Choice> choices) => choices.Select(c => new SelectListItem(c.Label, c.Id.ToString()));
    public string? Department(Guid? id) => Departments.FirstOrDefault(d => d.Id == id)?.Label;
}

/// <summary>A record an evaluation is about, with its link.</summary>
public sealed record ScopeRef(string Label, string Url);

/// <summary>The evaluations list (pages and API) and the labels of what they evaluate.</summary>
public sealed class EvaluationListService(NodalDbContext db, TenantContext tenant, TimeProvider clock)
{
    public static readonly string[] SortKeys = ["code", "title", "kind", "status", "start", "end"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private string Org => tenant.OrganizationSlug ?? "";

    public Task<Guid?> CurrentPlanIdAsync(CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.IsCurrent).OrderByDescending(p => p.StartYear).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    public async Task<PagedList<EvaluationRow>> ListAsync(EvaluationListQuery query, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var today = Today;
        var recommendations = db.Recommendations.AsNoTracking();
        var q = db.Evaluations.AsNoTracking();
        if (query.Plan is { } plan) q = q.Where(e => e.PlanId == plan);
        if (query.Kind is { } kind) q = q.Where(e => e.Kind == kind);
        if (query.Scope is { } scope) q = q.Where(e => e.Scope == scope);
        if (query.Status is { } status) q = q.Where(e => e.Status == status);
        if (query.Evaluators is { } evaluators) q = q.Where(e => e.Evaluators == evaluators);
        if (query.Year is { } year and >= 1 and <= 9999)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(e => (e.Start ?? e.End) != null && (e.Start ?? e.End) <= to && (e.End ?? e.Start) >= from);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(e => e.Code.ToLower().Contains(s)
                             || (e.Title.Es ?? "").ToLower().Contains(s) || (e.Title.En ?? "").ToLower().Contains(s) || (e.Title.Fr ?? "").ToLower().Contains(s));
        }

        var sorts = new SortMap<Evaluation>("code")
            .Add("code", e => e.Code)
            .Add("title", TitleKey(lang))
            .Add("kind", e => e.Kind)
            .Add("status", e => e.Status)
            .Add("start", e => e.Start)
            .Add("end", e => e.End);

        var list = query.ToListQuery();
        var total = await q.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        var items = await sorts.Apply(q, key, list.Descending).ThenBy(e => e.Code)
            .Skip((page - 1) * size).Take(size)
            .Select(e => new
            {
                e.Id, e.Code, e.Title, e.Kind, e.Scope, e.PlanId, e.ObjectiveId, e.ActionId, e.ProjectId, e.Status, e.Start, e.End, e.Evaluators, e.IsGoodPractice,
                Done = recommendations.Count(r => r.EvaluationId == e.Id && r.Status == RecommendationStatus.Done),
                Total = recommendations.Count(r => r.EvaluationId == e.Id),
                Overdue = recommendations.Count(r => r.EvaluationId == e.Id && r.Due != null && r.Due < today
                                                     && r.Status != RecommendationStatus.Done && r.Status != RecommendationStatus.Rejected),
            })
            .ToListAsync(ct);

        var scopes = await ScopesAsync(items.Select(i => (i.Scope, i.PlanId, i.ObjectiveId, i.ActionId, i.ProjectId)), ct);
        var rows = items.Select(i =>
        {
            var s = scopes.GetValueOrDefault(ScopeKey(i.Scope, i.PlanId, i.ObjectiveId, i.ActionId, i.ProjectId));
            return new EvaluationRow(i.Id, i.Code, i.Title.Get(lang, fallback), i.Kind, i.Scope, s?.Label, s?.Url, i.Status, i.Start, i.End,
                i.Evaluators, i.IsGoodPractice, i.Done, i.Total, i.Overdue);
        }).ToList();
        return new PagedList<EvaluationRow>(rows, total, page, size, key, list.Descending);
    }

    private static Expression<Func<Evaluation, string?>> TitleKey(string lang) => lang switch
    {
        "es" => e => e.Title.Es ?? e.Title.En ?? e.Title.Fr,
        "fr" => e => e.Title.Fr ?? e.Title.En ?? e.Title.Es,
        _ => e => e.Title.En ?? e.Title.Es ?? e.Title.Fr,
    };

    public static Guid ScopeKey(EvaluationScope scope, Guid planId, Guid? objectiveId, Guid? actionId, Guid? projectId) => scope switch
    {
        EvaluationScope.Objective => objectiveId ?? Guid.Empty,
        EvaluationScope.Action => actionId ?? Guid.Empty,
        EvaluationScope.Project => projectId ?? Guid.Empty,
        _ => planId,
    };

    /// <summary>Labels and links of the records evaluated, by id (plans, objectives, actions and projects in a few queries; records in the Trash left out).</summary>
    public async Task<Dictionary<Guid, ScopeRef>> ScopesAsync(IEnumerable<(EvaluationScope Scope, Guid PlanId, Guid? ObjectiveId, Guid? ActionId, Guid? ProjectId)> records, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var all = records.ToList();
        var planIds = all.Where(r => r.Scope == EvaluationScope.Plan).Select(r => r.PlanId).Distinct().ToList();
        var objectiveIds = all.Where(r => r.Scope == EvaluationScope.Objective && r.ObjectiveId is not null).Select(r => r.ObjectiveId!.Value).Distinct().ToList();
        var actionIds = all.Where(r => r.Scope == EvaluationScope.Action && r.ActionId is not null).Select(r => r.ActionId!.Value).Distinct().ToList();
        var projectIds = all.Where(r => r.Scope == EvaluationScope.Project && r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var result = new Dictionary<Guid, ScopeRef>();
        if (planIds.Count > 0)
            foreach (var p in await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.StartYear, p.EndYear }).ToListAsync(ct))
                result[p.Id] = new ScopeRef($"{p.Title.Get(lang, fallback)} ({p.StartYear}–{p.EndYear})", $"/{Org}/plans/{p.Id}");
        if (objectiveIds.Count > 0)
            foreach (var o in await db.Objectives.AsNoTracking().Where(o => objectiveIds.Contains(o.Id)).Select(o => new { o.Id, o.PlanId, o.Code, o.Statement }).ToListAsync(ct))
                result[o.Id] = new ScopeRef($"{o.Code} — {Actions.ActionDisplay.Shorten(o.Statement.Get(lang, fallback), 100)}", $"/{Org}/plans/{o.PlanId}/objectives/{o.Id}");
        if (actionIds.Count > 0)
            foreach (var a in await db.Actions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct))
                result[a.Id] = new ScopeRef($"{a.Code} — {Actions.ActionDisplay.Shorten(a.Title.Get(lang, fallback), 100)}", $"/{Org}/actions/{a.Id}");
        if (projectIds.Count > 0)
            foreach (var p in await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct))
                result[p.Id] = new ScopeRef($"{p.Code} — {Actions.ActionDisplay.Shorten(p.Title.Get(lang, fallback), 100)}", $"/{Org}/projects/{p.Id}");
        return result;
    }

    public async Task<ScopeRef?> ScopeAsync(Evaluation e, CancellationToken ct) =>
        (await ScopesAsync([(e.Scope, e.PlanId, e.ObjectiveId, e.ActionId, e.ProjectId)], ct))
        .GetValueOrDefault(ScopeKey(e.Scope, e.PlanId, e.ObjectiveId, e.ActionId, e.ProjectId));

    /// <summary>The plans; the given plan's objectives and actions (none without a plan); projects; departments.</summary>
    public async Task<EvaluationLookups> LookupsAsync(Guid? planId, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear)
            .Select(p => new { p.Id, p.Title, p.StartYear, p.EndYear }).ToListAsync(ct);
        var plan = planId is { } wanted && plans.Any(p => p.Id == wanted) ? wanted : (Guid?)null;
        var objectives = plan is null ? [] : await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan)
            .OrderBy(o => o.Family).ThenBy(o => o.SortOrder).ThenBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Statement }).ToListAsync(ct);
        var actions = plan is null ? [] : await db.Actions.AsNoTracking().Where(a => a.PlanId == plan)
            .OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        return new EvaluationLookups(plan,
            plans.Select(p => new Choice(p.Id, $"{p.Title.Get(lang, fallback)} ({p.StartYear}–{p.EndYear})")).ToList(),
            objectives.Select(o => new Choice(o.Id, $"{o.Code} — {Actions.ActionDisplay.Shorten(o.Statement.Get(lang, fallback), 110)}")).ToList(),
            actions.Select(a => new Choice(a.Id, $"{a.Code} — {Actions.ActionDisplay.Shorten(a.Title.Get(lang, fallback), 110)}")).ToList(),
            projects.Select(p => new Choice(p.Id, $"{p.Code} — {Actions.ActionDisplay.Shorten(p.Title.Get(lang, fallback), 110)}")).ToList(),
            departments.Select(d => new Choice(d.Id, $"{d.Code} — {d.Name.Get(lang, fallback)}")).ToList());
    }
}
