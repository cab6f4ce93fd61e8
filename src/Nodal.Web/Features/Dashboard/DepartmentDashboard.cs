using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Dashboard;

public sealed record OwnedIndicator(Guid Id, string Code, string Name, Frequency Frequency, string? Unit, int Decimals, IReadOnlyList<string> RatingLevels,
    DateOnly? LatestPeriod, decimal? LatestValue, IndicatorProgress Progress);

public sealed record ReturnedMeasurement(Guid Id, Guid IndicatorId, string IndicatorCode, DateOnly Period, Frequency Frequency, string? Comment);

public sealed record LedAction(Guid Id, string Code, string Title, DateOnly End, int DaysLate);

public sealed record OwnedRecommendation(Guid Id, Guid EvaluationId, string Text, RecommendationStatus Status, DateOnly? Due);

/// <summary>A department's own view of a plan: what it measures, owes, corrects, leads and follows up.</summary>
public sealed record DepartmentDashboard(
    Guid DepartmentId, string Code, string Name, Guid PlanId, string PlanTitle, DateOnly AsOf,
    IReadOnlyList<OwnedIndicator> Indicators, IReadOnlyList<LateMeasurement> Due, IReadOnlyList<ReturnedMeasurement> Returned,
    int ActionsLed, IReadOnlyList<LedAction> ActionsPastDue, IReadOnlyList<OwnedRecommendation> Recommendations);

public sealed class DepartmentDashboardService(NodalDbContext db, TenantContext tenant, MonitoringFacts monitoring)
{
    public async Task<DepartmentDashboard?> ComputeAsync(Guid departmentId, StrategicPlan plan, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var dept = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => new { d.Id, d.Code, d.Name }).FirstOrDefaultAsync(ct);
        if (dept is null) return null;
        var today = monitoring.Today;

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id && i.OwnerDepartmentId == departmentId).OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Direction, i.Aggregation, i.Frequency, i.BaselineValue, i.Kind, i.RatingLevels, i.Unit, i.Decimals }).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var targets = await monitoring.TargetsAsync(plan.Id, ids, ct);
        var progress = await monitoring.JudgeAsync(indicators.Select(i => new IndicatorFacts(i.Id, i.Direction, i.Aggregation, i.Frequency, i.BaselineValue,
            !(i.Kind == IndicatorKind.Qualitative && i.RatingLevels.Count == 0))).ToList(), targets, today, ct);
        // The latest validated value of each: its period first, then the values of those periods.
        var latest = await db.Measurements.AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatus.Validated && m.Period <= today)
            .GroupBy(m => m.IndicatorId).Select(g => new { g.Key, Period = g.Max(m => m.Period) }).ToDictionaryAsync(g => g.Key, g => g.Period, ct);
        var periods = latest.Values.Distinct().ToList();
        var values = (await db.Measurements.AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && periods.Contains(m.Period) && m.Status == MeasurementStatus.Validated)
                .Select(m => new { m.IndicatorId, m.Period, m.Value }).ToListAsync(ct))
            .Where(m => latest.TryGetValue(m.IndicatorId, out var p) && p == m.Period).ToDictionary(m => m.IndicatorId, m => m.Value);

        var due = await monitoring.LateAsync(plan.Id, departmentId, today, ct);
        var returned = (await db.Measurements.AsNoTracking()
                .Where(m => m.Status == MeasurementStatus.Returned && db.Indicators.Any(i => i.Id == m.IndicatorId && i.PlanId == plan.Id && i.OwnerDepartmentId == departmentId))
                .Select(m => new { m.Id, m.IndicatorId, m.Period, m.ReturnComment }).ToListAsync(ct))
            .Select(m =>
            {
                var i = indicators.First(x => x.Id == m.IndicatorId);
                return new ReturnedMeasurement(m.Id, m.IndicatorId, i.Code, m.Period, i.Frequency, m.ReturnComment);
            }).OrderBy(m => m.IndicatorCode).ThenBy(m => m.Period).ToList();

        var led = db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id && a.LeadDepartmentId == departmentId && a.Status != ActionStatus.Cancelled);
        var actionsLed = await led.CountAsync(ct);
        var pastDue = (await led.Where(a => a.End != null && a.End < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled)
                .OrderBy(a => a.End).Select(a => new { a.Id, a.Code, a.Title, a.End }).ToListAsync(ct))
            .Select(a => new LedAction(a.Id, a.Code, a.Title.Get(lang, fallback), a.End!.Value, today.DayNumber - a.End!.Value.DayNumber)).ToList();
        var recommendations = (await db.Recommendations.AsNoTracking()
                .Where(r => r.OwnerDepartmentId == departmentId && r.Status != RecommendationStatus.Done && r.Status != RecommendationStatus.Rejected)
                .OrderBy(r => r.Due).Select(r => new { r.Id, r.EvaluationId, r.Text, r.Status, r.Due }).ToListAsync(ct))
            .Select(r => new OwnedRecommendation(r.Id, r.EvaluationId, r.Text.Get(lang, fallback), r.Status, r.Due)).ToList();

        return new DepartmentDashboard(dept.Id, dept.Code, dept.Name.Get(lang, fallback), plan.Id, plan.Title.Get(lang, fallback), today,
            indicators.Select(i => new OwnedIndicator(i.Id, i.Code, i.Name.Get(lang, fallback), i.Frequency, i.Unit, i.Decimals, i.RatingLevels,
                latest.TryGetValue(i.Id, out var lp) ? lp : null, values.GetValueOrDefault(i.Id), progress[i.Id])).ToList(),
            due, returned, actionsLed, pastDue, recommendations);
    }
}
