using Microsoft.Extensions.Caching.Memory;
using System.Globalization;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Dashboard;

/// <summary>The filters of a plan's dashboard. <see cref="AsOf"/> is a year ("2026") or a quarter ("2026-Q2").</summary>
public sealed record DashboardFilter(Guid? Axis = null, ObjectiveFamily? Family = null, Guid? Department = null, string? AsOf = null, int Page = 1)
{
    /// <summary>The last day of the as-of period, or null when there is none; false when the text is not a year nor a quarter.</summary>
    public static bool TryParseAsOf(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Trim();
        if (s.Length == 4 && Periods.TryParse(s, Frequency.Yearly, out var y)) { day = Periods.EndOf(y, Frequency.Yearly); return true; }
        if (s.Length == 7 && Periods.TryParse(s, Frequency.Quarterly, out var q)) { day = Periods.EndOf(q, Frequency.Quarterly); return true; }
        return false;
    }
}

public sealed record ObjectiveLight(Guid Id, string Code, string Statement, ObjectiveFamily Family, int Indicators, int Judged, double? Ratio, Light Light);

public sealed record IndicatorLight(
    Guid Id, string Code, string Name, Guid OwnerDepartmentId, Guid? ObjectiveId, Guid? ActionId, Guid? ExternalityId, int? SdgGoal,
    Frequency Frequency, string? Unit, int Decimals, IReadOnlyList<string> RatingLevels,
    DateOnly? TargetPeriod, Frequency? TargetSpan, decimal? Target, decimal? Actual, int PeriodsMeasured, int PeriodsInTarget, double? Ratio, Light Light);

public sealed record TrendPoint(DateOnly Period, string Key, decimal? Value);

public sealed record TrendTarget(DateOnly Period, Frequency Span, string Key, decimal Value);

public sealed record IndicatorTrend(Guid IndicatorId, string Code, string Name, Frequency Frequency, string? Unit, int Decimals, Light Light, IReadOnlyList<TrendPoint> Points, IReadOnlyList<TrendTarget> Targets);

public sealed record BudgetRow(string Key, string Label, decimal Planned, decimal Spent);

public sealed record BudgetFigures(string Currency, int Lines, int SkippedLines, decimal Planned, decimal Spent, IReadOnlyList<BudgetRow> ByAxis, IReadOnlyList<BudgetRow> ByDepartment, IReadOnlyList<BudgetRow> ByYear);

public sealed record SdgContribution(int Goal, string Name, int Objectives, int Actions, int Indicators, int Green, int Amber, int Red, int NotJudged);

public sealed record ExternalityWatchRow(Guid Id, string Code, string Name, ExternalityState State, int Indicators, Light WorstLight, int MitigationsDone, int MitigationsTotal, IReadOnlyList<string> Flags);

public sealed record DepartmentLate(Guid DepartmentId, string Code, string Name, int Count);

public sealed record LateFigures(int Total, IReadOnlyList<DepartmentLate> ByDepartment, IReadOnlyList<LateMeasurement> Oldest);

/// <summary>Everything a plan's dashboard shows, as the page and the API serve it.</summary>
public sealed record PlanDashboard(
    Guid PlanId,
    string PlanTitle,
    DateOnly AsOf,
    DashboardFilter Filter,
    IReadOnlyList<ObjectiveLight> Objectives,
    IReadOnlyList<IndicatorLight> Indicators,
    int TrendTotal,
    int TrendPage,
    int TrendPageSize,
    IReadOnlyList<IndicatorTrend> Trends,
    PlanFiguresDto Policy,
    BudgetFigures Budget,
    IReadOnlyList<SdgContribution> Sdg,
    IReadOnlyList<ExternalityWatchRow> Externalities,
    LateFigures Late);

/// <summary>
/// Computes a plan's dashboard: objectives' lights from their indicators (direct and through their actions),
/// indicator trends, the policy figures (cached, <see cref="PlanFactsCache"/>), budget, SDG contribution,
/// externalities and late measurements. Indicators' progress is computed on request from validated values.
/// </summary>
public sealed class DashboardService(NodalDbContext db, TenantContext tenant, MonitoringFacts monitoring, PlanFactsCache planFacts, IMemoryCache cache)
{
    public const int TrendPageSize = 12;
    public const int OldestLate = 15;

    /// <summary>Trend lengths: the last periods drawn per frequency.</summary>
    public static int TrendPeriods(Frequency f) => f switch { Frequency.Monthly => 12, Frequency.Quarterly => 8, _ => 6 };

    /// <summary>The plan the organization works under now, else the newest.</summary>
    public async Task<Guid?> CurrentPlanIdAsync(CancellationToken ct) =>
        await db.Plans.Where(p => p.IsCurrent).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
        ?? await db.Plans.OrderByDescending(p => p.StartYear).ThenByDescending(p => p.CreatedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    public async Task<PlanDashboard> ComputeAsync(StrategicPlan plan, DashboardFilter filter, DateOnly asOf, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id).OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Family, o.Statement, o.AxisIds, o.SdgTargets, o.OwnerDepartmentId }).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Code)
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.OwnerDepartmentId, i.ObjectiveId, i.ActionId, i.ExternalityId, i.SdgIndicator,
                i.Direction, i.Aggregation, i.Frequency, i.BaselineValue, i.Kind, i.RatingLevels, i.Unit, i.Decimals,
            }).ToListAsync(ct);
        // The actions indicators are linked to: their objective and axes.
        var linked = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id && db.Indicators.Any(i => i.ActionId == a.Id))
            .Select(a => new { a.Id, a.ObjectiveId, a.AxisIds }).ToDictionaryAsync(a => a.Id, ct);
        var judged = await JudgedAsync(plan.Id, asOf, () => indicators.Select(i => new IndicatorFacts(i.Id, i.Direction, i.Aggregation, i.Frequency, i.BaselineValue,
            !(i.Kind == IndicatorKind.Qualitative && i.RatingLevels.Count == 0))).ToList(), ct);
        var targets = judged.Targets;
        var progress = judged.Progress;
        var facts = await planFacts.GetAsync(plan, ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToDictionaryAsync(d => d.Id, ct);
        var axes = await db.Axes.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Priority)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);

        var objectiveById = objectives.ToDictionary(o => o.Id);
        bool ObjectiveMatches(Guid? id)
        {
            if (filter.Family is null && filter.Axis is null) return true;
            if (id is not { } oid || !objectiveById.TryGetValue(oid, out var o)) return false;
            return (filter.Family is null || o.Family == filter.Family) && (filter.Axis is not { } ax || o.AxisIds.Contains(ax));
        }
        Guid? ObjectiveOf(Guid? objectiveId, Guid? actionId) =>
            objectiveId ?? (actionId is { } a && linked.TryGetValue(a, out var la) ? la.ObjectiveId : null);

        var lights = indicators.Select(i =>
        {
            var p = progress[i.Id];
            return new IndicatorLight(i.Id, i.Code, i.Name.Get(lang, fallback), i.OwnerDepartmentId, ObjectiveOf(i.ObjectiveId, i.ActionId), i.ActionId, i.ExternalityId,
                SdgGoalOf(i.SdgIndicator), i.Frequency, i.Unit, i.Decimals, i.RatingLevels,
                p.TargetPeriod, p.TargetSpan, p.Target, p.Actual, p.PeriodsMeasured, p.PeriodsInTarget, p.Ratio, p.Light);
        }).ToList();
        bool IndicatorMatches(IndicatorLight i)
        {
            if (filter.Department is { } d && i.OwnerDepartmentId != d) return false;
            if (filter.Family is null && filter.Axis is null) return true;
            if (ObjectiveMatches(i.ObjectiveId)) return true;
            // An action's own axes count for the axis filter.
            return filter.Family is null && filter.Axis is { } ax && i.ActionId is { } a && linked.TryGetValue(a, out var la) && la.AxisIds.Contains(ax);
        }
        var shown = lights.Where(IndicatorMatches).ToList();

        // Objectives: their indicators, directly or through their actions.
        var perObjective = shown.Where(i => i.ObjectiveId is not null).ToLookup(i => i.ObjectiveId!.Value);
        var objectiveLights = objectives.Where(o => ObjectiveMatches(o.Id))
            .Where(o => filter.Department is not { } d || o.OwnerDepartmentId == d || perObjective[o.Id].Any())
            .Select(o =>
            {
                var its = perObjective[o.Id].Select(i => progress[i.Id]).ToList();
                var r = Progress.Objective(its);
                return new ObjectiveLight(o.Id, o.Code, o.Statement.Get(lang, fallback), o.Family, r.Indicators, r.Judged, r.Ratio, r.Light);
            }).ToList();

        // Trends: the worst-off first (lowest ratio; not judged last), one page at a time.
        var textIds = indicators.Where(i => i.Kind == IndicatorKind.Qualitative && i.RatingLevels.Count == 0).Select(i => i.Id).ToHashSet();
        var ordered = shown.Where(i => !textIds.Contains(i.Id))
            .OrderBy(i => i.Ratio is null ? 1 : 0).ThenBy(i => i.Ratio).ThenBy(i => i.Code).ToList();
        var pages = Math.Max(1, (ordered.Count + TrendPageSize - 1) / TrendPageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var trendIndicators = ordered.Skip((page - 1) * TrendPageSize).Take(TrendPageSize).ToList();
        var trends = await TrendsAsync(trendIndicators, targets, asOf, ct);

        // Budget, SDG: the plan's live actions matching the filters.
        var actions = facts.Actions.Where(a => a.Status != ActionStatus.Cancelled
            && (filter.Department is not { } dep || a.LeadDepartmentId == dep)
            && (filter.Family is not { } fam || (a.ObjectiveId is { } ao && objectiveById.TryGetValue(ao, out var ob) && ob.Family == fam))
            && (filter.Axis is not { } axis || a.AxisIds.Contains(axis))).ToList();
        var budget = Budget(actions, tenant.Currency, axes.Select(a => (a.Id, a.Name.Get(lang, fallback))).ToList(),
            id => departments.TryGetValue(id, out var d) ? $"{d.Code} — {d.Name.Get(lang, fallback)}" : "—");

        var shownObjectives = objectives.Where(o => objectiveLights.Any(l => l.Id == o.Id)).ToList();
        var sdg = Enumerable.Range(1, Sdg.GoalCount).Select(g =>
        {
            var its = shown.Where(i => i.SdgGoal == g).ToList();
            return new SdgContribution(g, Sdg.FindGoal(g)?.Short.Get(lang) ?? $"{g}",
                shownObjectives.Count(o => o.SdgTargets.Any(t => Sdg.GoalOf(t) == g)),
                actions.Count(a => a.SdgGoals.Contains(g)),
                its.Count, its.Count(i => i.Light == Light.Green), its.Count(i => i.Light == Light.Amber), its.Count(i => i.Light == Light.Red), its.Count(i => i.Light == Light.None));
        }).Where(s => s.Objectives + s.Actions + s.Indicators > 0).ToList();

        var externalities = await ExternalitiesAsync(plan.Id, lights, asOf, ct);

        var late = filter.Department is { } onlyDepartment ? judged.Late.Where(l => l.OwnerDepartmentId == onlyDepartment).ToList() : judged.Late;
        var shownIds = shown.Select(i => i.Id).ToHashSet();
        late = late.Where(l => shownIds.Contains(l.IndicatorId)).ToList();
        var lateFigures = new LateFigures(late.Count,
            late.GroupBy(l => l.OwnerDepartmentId).Select(g => departments.TryGetValue(g.Key, out var d)
                    ? new DepartmentLate(g.Key, d.Code, d.Name.Get(lang, fallback), g.Count())
                    : new DepartmentLate(g.Key, "—", "—", g.Count()))
                .OrderByDescending(d => d.Count).ThenBy(d => d.Code).ToList(),
            late.Take(OldestLate).ToList());

        return new PlanDashboard(plan.Id, plan.Title.Get(lang, fallback), asOf, filter with { Page = page }, objectiveLights, shown,
            ordered.Count, page, TrendPageSize, trends, facts.Figures, budget, sdg, externalities, lateFigures);
    }

    /// <summary>"11.2.1" → 11.</summary>
    public static int? SdgGoalOf(string? sdgIndicator)
    {
        if (string.IsNullOrWhiteSpace(sdgIndicator)) return null;
        var head = sdgIndicator.Trim().Split('.')[0];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && Sdg.IsGoal(g) ? g : null;
    }

    /// <summary>
    /// Planned and spent per axis (an action counts fully on each of its axes, so axes do not add up to the
    /// total), per lead department and per year, in <paramref name="currency"/>; lines in other currencies are counted apart.
    /// </summary>
    public static BudgetFigures Budget(IReadOnlyList<ActionLite> actions, string currency, IReadOnlyList<(Guid Id, string Name)> axes, Func<Guid, string> departmentName)
    {
        int lines = 0, skipped = 0;
        decimal planned = 0, spent = 0;
        var byAxis = new Dictionary<Guid, (decimal P, decimal S)>();
        var byDept = new Dictionary<Guid, (decimal P, decimal S)>();
        var byYear = new SortedDictionary<int, (decimal P, decimal S)>();
        static void Add<TK>(IDictionary<TK, (decimal P, decimal S)> d, TK k, decimal p, decimal s) where TK : notnull
        {
            var (op, os) = d.TryGetValue(k, out var v) ? v : (0m, 0m);
            d[k] = (op + p, os + s);
        }
        foreach (var a in actions)
        {
            foreach (var b in a.Budgets)
            {
                if (!string.Equals(b.Currency, currency, StringComparison.OrdinalIgnoreCase)) { skipped++; continue; }
                lines++;
                planned += b.Planned;
                spent += b.Spent;
                foreach (var ax in a.AxisIds.Distinct()) Add(byAxis, ax, b.Planned, b.Spent);
                Add(byDept, a.LeadDepartmentId, b.Planned, b.Spent);
                Add(byYear, b.Year, b.Planned, b.Spent);
            }
        }
        return new BudgetFigures(currency, lines, skipped, planned, spent,
            axes.Where(a => byAxis.ContainsKey(a.Id)).Select(a => new BudgetRow(a.Id.ToString("D"), a.Name, byAxis[a.Id].P, byAxis[a.Id].S)).ToList(),
            byDept.Select(d => new BudgetRow(d.Key.ToString("D"), departmentName(d.Key), d.Value.P, d.Value.S)).OrderByDescending(r => r.Planned).ThenBy(r => r.Label).ToList(),
            byYear.Select(y => new BudgetRow(y.Key.ToString(CultureInfo.InvariantCulture), y.Key.ToString(CultureInfo.InvariantCulture), y.Value.P, y.Value.S)).ToList());
    }

    private sealed record Judged(string Stamps, ILookup<Guid, TargetRow> Targets, IReadOnlyDictionary<Guid, IndicatorProgress> Progress, IReadOnlyList<LateMeasurement> Late);

    /// <summary>
    /// The plan's targets, every indicator's progress and the late measurements as of a day, kept in memory while
    /// the organization's change stamps stay put (one primary-key read per request; every save of an indicator,
    /// target or measurement bumps them in its own transaction), so a validation shows on the next request.
    /// </summary>
    private async Task<Judged> JudgedAsync(Guid planId, DateOnly asOf, Func<List<IndicatorFacts>> facts, CancellationToken ct)
    {
        var key = ("nodal-plan-judged", tenant.OrganizationId, planId, asOf);
        var stamps = await db.StampsAsync(ct);
        if (cache.TryGetValue(key, out Judged? hit) && hit!.Stamps == stamps) return hit;
        var targets = await monitoring.TargetsAsync(planId, null, ct);
        var progress = await monitoring.JudgeAsync(facts(), targets, asOf, ct);
        var late = await monitoring.LateAsync(planId, null, asOf, ct);
        var judged = new Judged(stamps, targets, progress, late);
        cache.Set(key, judged, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20), Size = 1 });
        return judged;
    }

    private async Task<List<IndicatorTrend>> TrendsAsync(IReadOnlyList<IndicatorLight> shown, ILookup<Guid, TargetRow> targets, DateOnly asOf, CancellationToken ct)
    {
        if (shown.Count == 0) return [];
        var windows = shown.ToDictionary(i => i.Id, i =>
        {
            var last = Periods.StartOf(asOf, i.Frequency);
            var periods = new List<DateOnly> { last };
            for (var k = 1; k < TrendPeriods(i.Frequency); k++)
                periods.Insert(0, i.Frequency switch { Frequency.Monthly => periods[0].AddMonths(-1), Frequency.Quarterly => periods[0].AddMonths(-3), _ => periods[0].AddYears(-1) });
            return periods;
        });
        var from = windows.Values.Min(w => w[0]);
        var values = (await monitoring.ValidatedAsync(shown.Select(i => i.Id).ToList(), from, asOf, ct)).ToLookup(v => v.IndicatorId);
        return shown.Select(i =>
        {
            var w = windows[i.Id];
            var byPeriod = values[i.Id].ToDictionary(v => v.Period, v => v.Value);
            var end = Periods.EndOf(w[^1], i.Frequency);
            return new IndicatorTrend(i.Id, i.Code, i.Name, i.Frequency, i.Unit, i.Decimals, i.Light,
                w.Select(p => new TrendPoint(p, Periods.Key(p, i.Frequency), byPeriod.TryGetValue(p, out var v) ? v : null)).ToList(),
                targets[i.Id].Where(t => t.Value is not null && Periods.EndOf(t.Period, t.Span) >= w[0] && t.Period <= end)
                    .OrderBy(t => t.Period).Select(t => new TrendTarget(t.Period, t.Span, Periods.Key(t.Period, t.Span), t.Value!.Value)).ToList());
        }).ToList();
    }

    /// <summary>The externalities' watch: state, worst light of their watching indicators, mitigations done, and what needs a look.</summary>
    private async Task<List<ExternalityWatchRow>> ExternalitiesAsync(Guid planId, IReadOnlyList<IndicatorLight> lights, DateOnly asOf, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var rows = await db.Externalities.AsNoTracking().Where(x => x.PlanId == planId).OrderBy(x => x.Code)
            .Select(x => new { x.Id, x.Code, x.Name, x.State, x.ReviewedOn }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var mitigations = (await db.Mitigations.AsNoTracking().Where(m => db.Externalities.Any(x => x.Id == m.ExternalityId && x.PlanId == planId))
            .Select(m => new { m.ExternalityId, m.Status }).ToListAsync(ct)).ToLookup(m => m.ExternalityId);
        var watching = lights.Where(i => i.ExternalityId is not null).ToLookup(i => i.ExternalityId!.Value);
        return rows.Select(x =>
        {
            var its = watching[x.Id].ToList();
            var worst = Progress.Worst(its.Select(i => i.Light));
            var ms = mitigations[x.Id].Where(m => m.Status != MitigationStatus.Dropped).ToList();
            var flags = new List<string>();
            if (its.Count == 0) flags.Add("no-indicator");
            if (worst == Light.Red) flags.Add("indicator-off-track");
            if (x.State == ExternalityState.Concern && !ms.Any(m => m.Status is MitigationStatus.InProgress or MitigationStatus.Done)) flags.Add("concern-without-mitigation");
            if (x.ReviewedOn is not { } r || r < asOf.AddYears(-1)) flags.Add("not-reviewed");
            return new ExternalityWatchRow(x.Id, x.Code, x.Name.Get(lang, fallback), x.State, its.Count, worst,
                ms.Count(m => m.Status == MitigationStatus.Done), ms.Count, flags);
        }).ToList();
    }
}
