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

/// <summary>A target as loaded for judging and drawing.</summary>
public sealed record TargetRow(Guid IndicatorId, DateOnly Period, Frequency Span, decimal? Value, string? Text);

/// <summary>
/// Reads what the dashboards, the maturity checks and the indicator pages judge: indicators' progress from
/// validated measurements only, and measurements due and missing. Computed on request, so a validation
/// shows at once. Only the measurements a judgement needs are read: those inside each indicator's latest
/// target period (all of an indicator's only when that period has none), and for lateness a count per
/// indicator, the periods themselves only where some are missing.
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
        var indicators = await q.OrderBy(i => i.Code)
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.Level, i.OwnerDepartmentId, i.ObjectiveId, i.ActionId, i.ProjectId, i.ExternalityId,
                i.BaselineValue, i.BaselineText, i.Direction, i.Aggregation, i.Frequency, i.Kind, i.RatingLevels,
            }).ToListAsync(ct);
        var targets = await TargetsAsync(planId, only, ct);
        var facts = indicators.Select(i => new IndicatorFacts(i.Id, i.Direction, i.Aggregation, i.Frequency, i.BaselineValue,
            !(i.Kind == IndicatorKind.Qualitative && i.RatingLevels.Count == 0))).ToList();
        var progress = await JudgeAsync(facts, targets, day, ct);
        return indicators.Select(i => new IndicatorStatus(
            i.Id, i.Code, i.Name.Get(lang, fallback), i.Level, i.OwnerDepartmentId, i.ObjectiveId, i.ActionId, i.ProjectId, i.ExternalityId,
            i.BaselineValue is not null || !string.IsNullOrWhiteSpace(i.BaselineText),
            targets[i.Id].Any(),
            progress[i.Id])).ToList();
    }

    /// <summary>The targets (with a value or a text) of the plan's indicators, or of the given ones.</summary>
    public async Task<ILookup<Guid, TargetRow>> TargetsAsync(Guid planId, IReadOnlyCollection<Guid>? only = null, CancellationToken ct = default)
    {
        var q = db.IndicatorTargets.AsNoTracking().Where(t => t.Value != null || t.Text != null);
        q = only is not null
            ? q.Where(t => only.Contains(t.IndicatorId))
            : q.Where(t => db.Indicators.Any(i => i.Id == t.IndicatorId && i.PlanId == planId));
        return (await q.Select(t => new TargetRow(t.IndicatorId, t.Period, t.Span, t.Value, t.Text)).ToListAsync(ct)).ToLookup(t => t.IndicatorId);
    }

    /// <summary>
    /// The progress of each indicator as of <paramref name="day"/> (<see cref="Progress.Compute"/>), reading only
    /// the validated measurements inside the target period it will be judged on.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IndicatorProgress>> JudgeAsync(IReadOnlyList<IndicatorFacts> indicators, ILookup<Guid, TargetRow> targets, DateOnly day, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, IndicatorProgress>(indicators.Count);
        var candidates = new List<(IndicatorFacts Facts, List<TargetFacts> Targets, DateOnly From, DateOnly To)>();
        foreach (var i in indicators)
        {
            var its = targets[i.Id].Where(t => t.Value is not null && t.Period <= day)
                .Select(t => new TargetFacts(t.Period, t.Span, t.Value!.Value))
                .OrderByDescending(t => t.Period).ThenByDescending(t => Periods.Rank(t.Span)).ToList();
            if (!i.Measurable || its.Count == 0) { result[i.Id] = IndicatorProgress.Nothing(i.Id); continue; }
            var first = its[0];
            var to = Periods.EndOf(first.Period, first.Span);
            candidates.Add((i, its, first.Period, to < day ? to : day));
        }

        // One query per distinct window (usually one per target frequency); past a few, one wide query.
        var windows = candidates.GroupBy(c => (c.From, c.To)).ToList();
        var values = new List<(Guid IndicatorId, DateOnly Period, decimal Value)>();
        if (windows.Count <= 4)
        {
            foreach (var w in windows)
                values.AddRange(await ValidatedAsync(w.Select(c => c.Facts.Id).ToList(), w.Key.From, w.Key.To, ct));
        }
        else if (candidates.Count > 0)
        {
            values.AddRange(await ValidatedAsync(candidates.Select(c => c.Facts.Id).ToList(), candidates.Min(c => c.From), day, ct));
        }
        var byIndicator = values.ToLookup(v => v.IndicatorId, v => new ValueFacts(v.Period, v.Value));

        var again = new List<(IndicatorFacts Facts, List<TargetFacts> Targets)>();
        foreach (var c in candidates)
        {
            var inside = byIndicator[c.Facts.Id].Where(v => v.Period >= c.From && v.Period <= c.To).ToList();
            var p = Progress.Compute(c.Facts, [c.Targets[0]], inside, day);
            if (p.TargetPeriod is not null || c.Targets.Count == 1) result[c.Facts.Id] = p;
            else again.Add((c.Facts, c.Targets)); // the latest target period has no value yet: judge on an earlier one
        }
        if (again.Count > 0)
        {
            var all = (await ValidatedAsync(again.Select(a => a.Facts.Id).ToList(), DateOnly.MinValue, day, ct))
                .ToLookup(v => v.IndicatorId, v => new ValueFacts(v.Period, v.Value));
            foreach (var a in again) result[a.Facts.Id] = Progress.Compute(a.Facts, a.Targets, all[a.Facts.Id], day);
        }
        return result;
    }

    /// <summary>Validated values of the given indicators from <paramref name="from"/> to <paramref name="to"/> (period starts).</summary>
    public async Task<List<(Guid IndicatorId, DateOnly Period, decimal Value)>> ValidatedAsync(IReadOnlyCollection<Guid> ids, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Measurements.AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId) && m.Period >= from && m.Period <= to && m.Status == MeasurementStatus.Validated && m.Value != null)
            .Select(m => new { m.IndicatorId, m.Period, m.Value }).ToListAsync(ct);
        return rows.Select(r => (r.IndicatorId, r.Period, r.Value!.Value)).ToList();
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
        var expected = indicators.ToDictionary(i => i.Id,
            i => Periods.DueBy(i.FirstPeriod ?? planStart, day, i.Frequency, i.GraceDays).TakeWhile(p => p <= planEnd).ToList());

        // Count what was entered inside each indicator's due range: the last due period depends only on the
        // frequency and the grace days, so one grouped query per such pair, each indicator from its own first
        // period (a join). Only the indicators that fall short have their periods read.
        var shortOf = new List<Guid>();
        foreach (var g in indicators.Where(i => expected[i.Id].Count > 0).GroupBy(i => (i.Frequency, i.GraceDays)))
        {
            var ids = g.Select(i => i.Id).ToList();
            var to = g.Max(i => expected[i.Id][^1]);
            var counts = await (from m in db.Measurements.AsNoTracking()
                                join i in db.Indicators.AsNoTracking() on m.IndicatorId equals i.Id
                                where ids.Contains(m.IndicatorId) && m.Period <= to && m.Period >= (i.FirstPeriod ?? planStart)
                                      && (m.Status == MeasurementStatus.Submitted || m.Status == MeasurementStatus.Validated)
                                group m by m.IndicatorId into c
                                select new { c.Key, Count = c.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, ct);
            shortOf.AddRange(ids.Where(id => counts.GetValueOrDefault(id) < expected[id].Count));
        }

        var entered = new Dictionary<(Guid, DateOnly), MeasurementStatus>();
        if (shortOf.Count > 0)
        {
            var from = shortOf.Min(id => expected[id][0]);
            var to = shortOf.Max(id => expected[id][^1]);
            foreach (var m in await db.Measurements.AsNoTracking()
                         .Where(m => shortOf.Contains(m.IndicatorId) && m.Period >= from && m.Period <= to)
                         .Select(m => new { m.IndicatorId, m.Period, m.Status }).ToListAsync(ct))
                entered[(m.IndicatorId, m.Period)] = m.Status;
        }

        var shortSet = shortOf.ToHashSet();
        var late = new List<LateMeasurement>();
        foreach (var i in indicators.Where(i => shortSet.Contains(i.Id)))
        {
            foreach (var p in expected[i.Id])
            {
                MeasurementStatus? status = entered.TryGetValue((i.Id, p), out var s) ? s : null;
                if (status is MeasurementStatus.Submitted or MeasurementStatus.Validated) continue;
                var due = Periods.DueOn(p, i.Frequency, i.GraceDays);
                late.Add(new LateMeasurement(i.Id, i.Code, i.OwnerDepartmentId, p, i.Frequency, due, day.DayNumber - due.DayNumber, status));
            }
        }
        return late.OrderByDescending(l => l.DaysLate).ThenBy(l => l.IndicatorCode).ToList();
    }
}
