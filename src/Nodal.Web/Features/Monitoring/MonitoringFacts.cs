namespace Nodal.Web.Features.Monitoring;

using Nodal.Core.Monitoring;

/// <summary>One indicator with its progress on the latest assessed target.</summary>
public sealed record IndicatorStatus(
    Guid Id,
    string Code,
    string Name,
    IndicatorLevel Level,
    Guid OwnerDepartmentId,
    Guid? ObjectiveId,
    Guid? ActionId,
    Guid? ProjectId,
    Guid? ExternalityId,
    bool HasBaseline,
    bool HasTarget,
    IndicatorProgress Progress);

/// <summary>A period whose measurement was due and has not been submitted (a draft or a returned one still counts as missing).</summary>
public sealed record LateMeasurement(Guid IndicatorId, string IndicatorCode, Guid OwnerDepartmentId, DateOnly Period, Frequency Frequency, DateOnly DueOn, int DaysLate, MeasurementStatus? Status);

/// <summary>
/// Reads what the dashboards, the maturity checks and the indicator pages judge: indicators' progress from
/// validated measurements only, and measurements due and missing. Computed on request, so a validation
/// shows at once.
/// </summary>
public sealed class MonitoringFacts(NodalDbContext db, TenantContext tenant, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every indicator of the plan (or of the given ones) with its progress as of <paramref name="asOf"/> (default today).</summary>
    public async Task<IReadOnlyList<IndicatorStatus>> ProgressAsync(Guid planId, DateOnly? asOf = null, IReadOnlyCollection<Guid>? only = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var q = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (only is not null) q = q.Where(i => only.Contains(i.Id));
        var indicators = await q.OrderBy(i => i.Code).ToListAsync(ct);
        var targets = (await db.IndicatorTargets.AsNoTracking()
                .Where(t => db.Indicators.Any(i => i.Id == t.IndicatorId && i.PlanId == planId) && (t.Value != null || t.Text != null))
                .Select(t => new { t.IndicatorId, t.Period, t.Span, t.Value }).ToListAsync(ct))
            .ToLookup(t => t.IndicatorId);
        var values = (await db.Measurements.AsNoTracking()
                .Where(m => m.Status == MeasurementStatus.Validated && m.Value != null && m.Period <= day
                            && db.Indicators.Any(i => i.Id == m.IndicatorId && i.PlanId == planId))
                .Select(m => new { m.IndicatorId, m.Period, m.Value }).ToListAsync(ct))
            .ToLookup(m => m.IndicatorId, m => new ValueFacts(m.Period, m.Value!.Value));

        return indicators.Select(i =>
        {
            var facts = new IndicatorFacts(i.Id, i.Direction, i.Aggregation, i.Frequency, i.BaselineValue, !i.IsText);
            var its = targets[i.Id].Where(t => t.Value is not null).Select(t => new TargetFacts(t.Period, t.Span, t.Value!.Value)).ToList();
            return new IndicatorStatus(
                i.Id, i.Code, i.Name.Get(lang, fallback), i.Level, i.OwnerDepartmentId, i.ObjectiveId, i.ActionId, i.ProjectId, i.ExternalityId,
                i.BaselineValue is not null || !string.IsNullOrWhiteSpace(i.BaselineText),
                targets[i.Id].Any(),
                Progress.Compute(facts, its, values[i.Id], day));
        }).ToList();
    }

    /// <summary>
    /// Measurements due by <paramref name="asOf"/> (default today) and not submitted nor validated, for the plan's
    /// indicators (optionally one department's), from each indicator's first period to the plan's end.
    /// </summary>
    public async Task<IReadOnlyList<LateMeasurement>> LateAsync(Guid planId, Guid? departmentId = null, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.StartYear, p.EndYear }).SingleOrDefaultAsync(ct);
        if (plan is null) return [];
        var planStart = new DateOnly(plan.StartYear, 1, 1);
        var planEnd = new DateOnly(plan.EndYear, 12, 31);
        var q = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (departmentId is { } d) q = q.Where(i => i.OwnerDepartmentId == d);
        var indicators = await q.Select(i => new { i.Id, i.Code, i.OwnerDepartmentId, i.Frequency, i.FirstPeriod, i.GraceDays }).ToListAsync(ct);
        var entered = (await db.Measurements.AsNoTracking()
                .Where(m => db.Indicators.Any(i => i.Id == m.IndicatorId && i.PlanId == planId && (departmentId == null || i.OwnerDepartmentId == departmentId)))
                .Select(m => new { m.IndicatorId, m.Period, m.Status }).ToListAsync(ct))
            .ToDictionary(m => (m.IndicatorId, m.Period), m => m.Status);

        var late = new List<LateMeasurement>();
        foreach (var i in indicators)
        {
            foreach (var p in Periods.DueBy(i.FirstPeriod ?? planStart, day, i.Frequency, i.GraceDays))
            {
                if (p > planEnd) break;
                MeasurementStatus? status = entered.TryGetValue((i.Id, p), out var s) ? s : null;
                if (status is MeasurementStatus.Submitted or MeasurementStatus.Validated) continue;
                var due = Periods.DueOn(p, i.Frequency, i.GraceDays);
                late.Add(new LateMeasurement(i.Id, i.Code, i.OwnerDepartmentId, p, i.Frequency, due, day.DayNumber - due.DayNumber, status));
            }
        }
        return late.OrderByDescending(l => l.DaysLate).ThenBy(l => l.IndicatorCode).ToList();
    }
}
