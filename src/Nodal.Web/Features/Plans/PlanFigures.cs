namespace Nodal.Web.Features.Plans;

public sealed record LabeledShare(string Key, string Label, double Weight, double Share);

public sealed record FocusDto(double Hhi, double Effective, FocusReading Reading, int Classified, int Unclassified, IReadOnlyList<LabeledShare> Shares);

public sealed record DepartmentEngagementDto(Guid DepartmentId, string Code, string Name, int Leads, int Involved);

public sealed record SdgGoalDto(int Goal, string Name, int Objectives, int Actions, IReadOnlyList<string> Targets);

public sealed record ObjectiveRef(Guid Id, string Code, string Statement, ObjectiveFamily Family);

public sealed record PastDueDto(Guid Id, string Code, string Title, DateOnly End, int DaysLate);

/// <summary>The figures of one plan, as the overview page and the API serve them.</summary>
public sealed record PlanFiguresDto(
    Guid PlanId,
    DateOnly AsOf,
    string Currency,
    int Actions,
    int CancelledActions,
    int Objectives,
    PlannedShare Planned,
    IReadOnlyList<YearShare> PlannedByYear,
    FocusDto ThematicFocus,
    FocusDto RegionFocus,
    FocusDto CountryFocus,
    int DepartmentsEngaged,
    int DepartmentsTotal,
    IReadOnlyList<DepartmentEngagementDto> Departments,
    int SdgGoalsTouched,
    int SdgTargetsTouched,
    IReadOnlyList<SdgGoalDto> SdgGoals,
    IReadOnlyList<ObjectiveRef> ObjectivesWithoutAction,
    IReadOnlyList<PastDueDto> ActionsPastDue,
    IReadOnlyList<FamilyCount> Families);

public sealed record FamilyCount(ObjectiveFamily Family, int Objectives, int Actions);

/// <summary>The plan's actions as the figures read them.</summary>
public static class ActionFactsQuery
{
    /// <summary>Each action of the plan with its budget lines, serving its own axes and its objective's (two queries).</summary>
    public static async Task<List<ActionFacts>> ActionFactsAsync(this NodalDbContext db, Guid planId, IReadOnlyDictionary<Guid, List<Guid>> objectiveAxes, CancellationToken ct)
    {
        var rows = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new
            {
                a.Id, a.Code, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status,
                a.LeadDepartmentId, a.InvolvedDepartmentIds, a.AxisIds, a.Countries, a.SdgTargets,
            }).ToListAsync(ct);
        var budgets = (await (from b in db.Budgets
                              join a in db.Actions on b.ActionId equals a.Id
                              where a.PlanId == planId
                              select new { b.ActionId, b.Year, b.Planned, b.Spent, b.Currency }).AsNoTracking().ToListAsync(ct))
            .ToLookup(b => b.ActionId, b => new BudgetFacts(b.Year, b.Planned, b.Spent, b.Currency));
        return rows.Select(a => new ActionFacts(
            a.Id, a.Code, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, DateOnly.FromDateTime(a.CreatedAt), a.Status,
            a.LeadDepartmentId, a.InvolvedDepartmentIds,
            a.ObjectiveId is { } oid && objectiveAxes.TryGetValue(oid, out var oa) ? a.AxisIds.Union(oa).ToList() : a.AxisIds,
            a.Countries, a.SdgTargets, budgets[a.Id].ToList())).ToList();
    }
}

/// <summary>Loads a plan's facts in a handful of queries and computes its figures (<see cref="Figures"/>).</summary>
public sealed class PlanFiguresService(NodalDbContext db, TenantContext tenant, TimeProvider clock)
{
    public async Task<PlanFiguresDto> ComputeAsync(StrategicPlan plan, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var currency = tenant.Currency;

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Family, o.Deadline, o.SdgTargets, o.AxisIds, o.Statement }).ToListAsync(ct);
        var axes = await db.Axes.AsNoTracking().Where(a => a.PlanId == plan.Id).Select(a => new { a.Id, a.Kind, a.Name }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var facts = await db.ActionFactsAsync(plan.Id, objectives.ToDictionary(o => o.Id, o => o.AxisIds), ct);
        var objectiveFacts = objectives.Select(o => new ObjectiveFacts(o.Id, o.Code, o.Family, o.Deadline, o.SdgTargets)).ToList();

        var axisNames = axes.ToDictionary(a => a.Id.ToString("D"), a => a.Name.Get(lang, fallback));
        var thematic = Figures.ThematicFocus(facts, axes.Where(a => a.Kind == AxisKind.Thematic).Select(a => a.Id).ToList());
        var region = Figures.RegionFocus(facts, c => M49.SubRegionOf(c));
        var country = Figures.CountryFocus(facts);
        var transversality = Figures.Transversality(facts, departments.Select(d => d.Id).ToList());
        var sdg = Figures.SdgCoverage(objectiveFacts, facts);
        var deptById = departments.ToDictionary(d => d.Id);
        var statements = objectives.ToDictionary(o => o.Id, o => o.Statement.Get(lang, fallback));
        var familyOf = objectives.ToDictionary(o => o.Id, o => o.Family);
        var actionsPerFamily = facts.Where(f => f.Status != ActionStatus.Cancelled && f.ObjectiveId is not null)
            .GroupBy(f => familyOf.GetValueOrDefault(f.ObjectiveId!.Value)).ToDictionary(g => g.Key, g => g.Count());
        // Titles only for the actions listed (past due): reading 10,000 titles in three languages would double the query.
        var pastDue = Figures.ActionsPastDue(facts, today);
        var pastDueIds = pastDue.Select(p => p.Id).ToList();
        var titles = (await db.Actions.AsNoTracking().Where(a => pastDueIds.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => a.Title.Get(lang, fallback));

        return new PlanFiguresDto(
            plan.Id, today, currency, facts.Count, facts.Count(a => a.Status == ActionStatus.Cancelled), objectives.Count,
            Figures.PlannedVsReactive(facts, today, currency),
            Figures.PlannedVsReactiveByYear(facts, currency),
            Dto(thematic, k => axisNames.GetValueOrDefault(k, k)),
            Dto(region, k => M49.Name(k, lang)),
            Dto(country, k => Nodal.Web.Features.Organizations.Countries.Name(k, lang)),
            transversality.Engaged, transversality.Total,
            transversality.PerDepartment.Select(d => new DepartmentEngagementDto(d.DepartmentId, deptById[d.DepartmentId].Code,
                deptById[d.DepartmentId].Name.Get(lang, fallback), d.Leads, d.Involved)).ToList(),
            sdg.GoalsTouched, sdg.TargetsTouched,
            sdg.PerGoal.Select(g => new SdgGoalDto(g.Goal, Sdg.Goals.FirstOrDefault(x => x.Number == g.Goal)?.Short.Get(lang) ?? $"{g.Goal}", g.Objectives, g.Actions, g.Targets)).ToList(),
            Figures.ObjectivesWithoutAction(objectiveFacts, facts).Select(o => new ObjectiveRef(o.Id, o.Code, statements[o.Id], o.Family)).ToList(),
            pastDue.Select(p => new PastDueDto(p.Id, p.Code, titles.GetValueOrDefault(p.Id, p.Code), p.End, p.DaysLate)).ToList(),
            Enum.GetValues<ObjectiveFamily>().Select(f => new FamilyCount(f, objectives.Count(o => o.Family == f), actionsPerFamily.GetValueOrDefault(f))).ToList());
    }

    private static FocusDto Dto(Focus f, Func<string, string> label) =>
        new(f.Hhi, f.Effective, f.Reading, f.Classified, f.Unclassified, f.Shares.Select(s => new LabeledShare(s.Key, label(s.Key), s.Weight, s.Share)).ToList());
}
