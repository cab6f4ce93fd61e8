using System.Linq.Expressions;

namespace Nodal.Web.Features.Actions;

/// <summary>
/// What an actions list asks for: the list query (search, sort, paging) plus the filters of the policy:
/// plan, axis, objective family, modality, department, status, origin, year, SDG, country.
/// </summary>
public sealed class ActionListQuery
{
    /// <summary>Searches code, titles, descriptions, partners and cities.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }
    /// <summary>code, title, status, start, end or department.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")]
    public string? Dir { get; set; }
    /// <summary>From the query string only (so in Razor Pages too, whose route value "page" names the page itself).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }
    /// <summary>The plan; the organization's current plan when empty (every plan when none is current).</summary>
    [FromQuery(Name = "plan")]
    public Guid? Plan { get; set; }
    /// <summary>An axis the action serves directly or through its objective.</summary>
    [FromQuery(Name = "axis")]
    public Guid? Axis { get; set; }
    /// <summary>The family of the action's objective.</summary>
    [FromQuery(Name = "family")]
    public ObjectiveFamily? Family { get; set; }
    [FromQuery(Name = "modality")]
    public Modality? Modality { get; set; }
    /// <summary>A department leading or involved.</summary>
    [FromQuery(Name = "department")]
    public Guid? Department { get; set; }
    [FromQuery(Name = "status")]
    public ActionStatus? Status { get; set; }
    /// <summary>planned or reactive, as of today.</summary>
    [FromQuery(Name = "origin")]
    public string? Origin { get; set; }
    /// <summary>Actions running that year (start to end), requested that year (no start), or budgeted that year.</summary>
    [FromQuery(Name = "year")]
    public int? Year { get; set; }
    /// <summary>A goal ("11": any target 11.x) or a target ("11.2").</summary>
    [FromQuery(Name = "sdg")]
    public string? Sdg { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    public ListQuery ToListQuery() => new() { Q = Q, Sort = Sort, Dir = Dir, Page = Page, PageSize = PageSize };

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query string of these filters (without paging and sorting), for links.</summary>
    public string FilterString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            var s = value switch { null => null, Guid g => g.ToString(), _ => value.ToString() };
            if (!string.IsNullOrWhiteSpace(s)) parts.Add($"{key}={Uri.EscapeDataString(s)}");
        }
        Add("q", Q); Add("plan", Plan); Add("axis", Axis); Add("family", Family); Add("modality", Modality); Add("department", Department);
        Add("status", Status); Add("origin", Origin); Add("year", Year); Add("sdg", Sdg); Add("country", Country);
        return string.Join('&', parts);
    }
}

/// <summary>One line of the actions list.</summary>
/// <param name="Title">In the reader's language, else the organization's main language, else any.</param>
/// <param name="Planned">Whether it counts as planned today (under an objective; a reactive one once attached).</param>
/// <param name="PlannedBudget">The sum of the planned budget lines in <paramref name="Currency"/>, the organization's currency.</param>
/// <param name="OtherCurrencies">Whether some budget lines are in another currency (not added up).</param>
public sealed record ActionRow(
    Guid Id, string Code, string Title, ActionOrigin Origin, bool Planned, Guid? ObjectiveId, Modality Modality,
    Guid LeadDepartmentId, string? LeadDepartmentCode, ActionStatus Status, DateOnly? Start, DateOnly? End,
    decimal PlannedBudget, string Currency, bool OtherCurrencies);

public sealed record PlanChoice(Guid Id, string Title, int StartYear, int EndYear, bool IsCurrent, PlanStatus Status);
public sealed record DepartmentChoice(Guid Id, string Code, string Name);
public sealed record AxisChoice(Guid Id, string Name, AxisKind Kind, int Priority);
public sealed record ObjectiveChoice(Guid Id, string Code, string Statement, ObjectiveFamily Family, IReadOnlyList<Guid> AxisIds);

/// <summary>What the filters and forms offer to choose from: plans, and the chosen plan's axes and objectives; departments.</summary>
public sealed record ActionLookups(
    Guid? PlanId, IReadOnlyList<PlanChoice> Plans, IReadOnlyList<AxisChoice> Axes, IReadOnlyList<ObjectiveChoice> Objectives,
    IReadOnlyList<DepartmentChoice> Departments)
{
    public PlanChoice? Plan => Plans.FirstOrDefault(p => p.Id == PlanId);
    public string DepartmentCode(Guid? id) => Departments.FirstOrDefault(d => d.Id == id)?.Code ?? "";
    public DepartmentChoice? Department(Guid? id) => Departments.FirstOrDefault(d => d.Id == id);
    public AxisChoice? Axis(Guid id) => Axes.FirstOrDefault(a => a.Id == id);
    public ObjectiveChoice? Objective(Guid? id) => Objectives.FirstOrDefault(o => o.Id == id);
}

/// <summary>The actions list: filters, search, sorting and paging (pages and API).</summary>
public sealed class ActionListService(NodalDbContext db, TenantContext tenant, TimeProvider clock)
{
    public static readonly string[] SortKeys = ["code", "title", "status", "start", "end", "department"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The plan the organization works under now (null when none is marked current).</summary>
    public Task<Guid?> CurrentPlanIdAsync(CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.IsCurrent).OrderByDescending(p => p.StartYear).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    public async Task<PagedList<ActionRow>> ListAsync(ActionListQuery query, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var currency = tenant.Currency;
        var today = Today;
        var objectives = db.Objectives.AsNoTracking();
        var departments = db.Departments.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking();
        var budgets = db.Budgets.AsNoTracking();

        var q = db.Actions.AsNoTracking();
        var planId = query.Plan ?? await CurrentPlanIdAsync(ct);
        if (planId is { } plan) q = q.Where(a => a.PlanId == plan);
        if (query.Axis is { } axis)
            q = q.Where(a => a.AxisIds.Contains(axis) || objectives.Any(o => o.Id == a.ObjectiveId && o.AxisIds.Contains(axis)));
        if (query.Family is { } family)
            q = q.Where(a => objectives.Any(o => o.Id == a.ObjectiveId && o.Family == family));
        if (query.Modality is { } modality) q = q.Where(a => a.Modality == modality);
        if (query.Department is { } dept) q = q.Where(a => a.LeadDepartmentId == dept || a.InvolvedDepartmentIds.Contains(dept));
        if (query.Status is { } status) q = q.Where(a => a.Status == status);
        switch (query.Origin?.Trim().ToLowerInvariant())
        {
            case "planned":
                q = q.Where(a => a.ObjectiveId != null && (a.Origin == ActionOrigin.Planned || a.AttachedOn == null || a.AttachedOn <= today));
                break;
            case "reactive":
                q = q.Where(a => !(a.ObjectiveId != null && (a.Origin == ActionOrigin.Planned || a.AttachedOn == null || a.AttachedOn <= today)));
                break;
        }
        if (query.Year is { } year and >= 1 and <= 9999)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(a => (a.Start != null && a.Start <= to && (a.End ?? a.Start) >= from)
                             || (a.Start == null && a.RequestedOn != null && a.RequestedOn >= from && a.RequestedOn <= to)
                             || budgets.Any(b => b.ActionId == a.Id && b.Year == year));
        }
        if (!string.IsNullOrWhiteSpace(query.Sdg))
        {
            var sdg = query.Sdg.Trim().ToLowerInvariant();
            if (int.TryParse(sdg, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var goal))
            {
                var prefix = goal + ".";
                q = q.Where(a => a.SdgTargets.Any(t => t.StartsWith(prefix)));
            }
            else
            {
                q = q.Where(a => a.SdgTargets.Contains(sdg));
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            q = q.Where(a => a.Countries.Contains(country));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(a => a.Code.ToLower().Contains(s)
                             || (a.Title.Es ?? "").ToLower().Contains(s) || (a.Title.En ?? "").ToLower().Contains(s) || (a.Title.Fr ?? "").ToLower().Contains(s)
                             || (a.Description.Es ?? "").ToLower().Contains(s) || (a.Description.En ?? "").ToLower().Contains(s) || (a.Description.Fr ?? "").ToLower().Contains(s)
                             || a.Partners.Any(p => p.ToLower().Contains(s))
                             || a.Cities.Any(c => c.ToLower().Contains(s)));
        }

        var sorts = new SortMap<PolicyAction>("code")
            .Add("code", a => a.Code)
            .Add("title", TitleKey(lang))
            .Add("status", a => a.Status)
            .Add("start", a => a.Start)
            .Add("end", a => a.End)
            .Add("department", a => departments.Where(d => d.Id == a.LeadDepartmentId).Select(d => d.Code).FirstOrDefault());

        var list = query.ToListQuery();
        var total = await q.CountAsync(ct);
        var size = list.SafePageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(list.SafePage, pages);
        var key = sorts.Resolve(list.Sort);
        // The code breaks ties, so that paging is stable.
        var items = await sorts.Apply(q, key, list.Descending).ThenBy(a => a.Code)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new
            {
                a.Id, a.Code, a.Title, a.Origin, a.ObjectiveId, a.AttachedOn, a.Modality, a.LeadDepartmentId,
                LeadCode = departments.Where(d => d.Id == a.LeadDepartmentId).Select(d => d.Code).FirstOrDefault(),
                a.Status, a.Start, a.End,
                Budget = budgets.Where(b => b.ActionId == a.Id && b.Currency == currency).Sum(b => (decimal?)b.Planned),
                Other = budgets.Any(b => b.ActionId == a.Id && b.Currency != currency),
            })
            .ToListAsync(ct);

        var rows = items.Select(a =>
        {
            var planned = a.ObjectiveId is not null && (a.Origin == ActionOrigin.Planned || a.AttachedOn is null || a.AttachedOn <= today);
            return new ActionRow(a.Id, a.Code, a.Title.Get(lang, fallback), a.Origin, planned, a.ObjectiveId, a.Modality, a.LeadDepartmentId,
                a.LeadCode, a.Status, a.Start, a.End, a.Budget ?? 0, currency, a.Other);
        }).ToList();
        return new PagedList<ActionRow>(rows, total, page, size, key, list.Descending);
    }

    private static Expression<Func<PolicyAction, string?>> TitleKey(string lang) => lang switch
    {
        "es" => a => a.Title.Es ?? a.Title.En ?? a.Title.Fr,
        "fr" => a => a.Title.Fr ?? a.Title.En ?? a.Title.Es,
        _ => a => a.Title.En ?? a.Title.Es ?? a.Title.Fr,
    };

    /// <summary>The plans, the departments, and the given (else current) plan's axes and objectives.</summary>
    public async Task<ActionLookups> LookupsAsync(Guid? planId, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear)
            .Select(p => new { p.Id, p.Title, p.StartYear, p.EndYear, p.IsCurrent, p.Status }).ToListAsync(ct);
        var plan = planId is { } wanted && plans.Any(p => p.Id == wanted) ? wanted : plans.FirstOrDefault(p => p.IsCurrent)?.Id;
        var axes = plan is null ? [] : await db.Axes.AsNoTracking().Where(a => a.PlanId == plan).OrderBy(a => a.Priority)
            .Select(a => new { a.Id, a.Name, a.Kind, a.Priority }).ToListAsync(ct);
        var objectives = plan is null ? [] : await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan)
            .OrderBy(o => o.Family).ThenBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Statement, o.Family, o.AxisIds }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        return new ActionLookups(plan,
            plans.Select(p => new PlanChoice(p.Id, p.Title.Get(lang, fallback), p.StartYear, p.EndYear, p.IsCurrent, p.Status)).ToList(),
            axes.Select(a => new AxisChoice(a.Id, a.Name.Get(lang, fallback), a.Kind, a.Priority)).ToList(),
            objectives.Select(o => new ObjectiveChoice(o.Id, o.Code, o.Statement.Get(lang, fallback), o.Family, o.AxisIds)).ToList(),
            departments.Select(d => new DepartmentChoice(d.Id, d.Code, d.Name.Get(lang, fallback))).ToList());
    }
}
