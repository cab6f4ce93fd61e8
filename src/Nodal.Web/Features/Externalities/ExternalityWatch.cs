using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Externalities;

/// <summary>
/// One externality as the list and the dashboard watch it. <see cref="MitigationsTotal"/> leaves dropped measures out;
/// <see cref="NoMitigation"/> means no measure planned, in progress or done; <see cref="WorstLight"/> is the worst light
/// of the indicators watching it (none when none is judged yet).
/// </summary>
public sealed record ExternalityWatchRow(
    Guid Id, Guid PlanId, string Code, string Name, ExternalityKind Kind, ExternalityState State, Guid? OwnerDepartmentId, DateOnly? ReviewedOn,
    int Drivers, int Indicators, Light WorstLight, int MitigationsDone, int MitigationsTotal, int MitigationsOverdue)
{
    public bool NoIndicator => Indicators == 0;
    public bool NoMitigation => MitigationsTotal == 0;
}

/// <summary>How many externalities are in each state.</summary>
public sealed record ExternalitySummary(int Watched, int Concern, int Mitigated);

/// <summary>
/// The "externalities watch": the externalities of a plan with their indicators' worst light, their measures done out of
/// all, and what is missing. Computed on request from validated measurements only (<see cref="MonitoringFacts"/>).
/// </summary>
public sealed class ExternalityWatch(NodalDbContext db, TenantContext tenant, MonitoringFacts facts, TimeProvider clock)
{
    /// <summary>Every externality of the plan, by code.</summary>
    public Task<IReadOnlyList<ExternalityWatchRow>> ForPlanAsync(Guid planId, CancellationToken ct) => RowsAsync(planId, null, null, ct);

    public static ExternalitySummary Summarize(IEnumerable<ExternalityWatchRow> rows)
    {
        var list = rows.ToList();
        return new ExternalitySummary(list.Count(r => r.State == ExternalityState.Watch), list.Count(r => r.State == ExternalityState.Concern),
            list.Count(r => r.State == ExternalityState.Mitigated));
    }

    /// <summary>The plan's externalities, optionally of one kind or in one state.</summary>
    public async Task<IReadOnlyList<ExternalityWatchRow>> RowsAsync(Guid planId, ExternalityKind? kind, ExternalityState? state, CancellationToken ct)
    {
        var q = db.Externalities.AsNoTracking().Where(x => x.PlanId == planId);
        if (kind is { } k) q = q.Where(x => x.Kind == k);
        if (state is { } s) q = q.Where(x => x.State == s);
        var externalities = await q.OrderBy(x => x.Code).ToListAsync(ct);
        if (externalities.Count == 0) return [];
        var ids = externalities.Select(x => x.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var mitigations = (await db.Mitigations.AsNoTracking().Where(m => ids.Contains(m.ExternalityId))
                .Select(m => new { m.ExternalityId, m.Status, m.Due }).ToListAsync(ct))
            .ToLookup(m => m.ExternalityId);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ExternalityId != null && ids.Contains(i.ExternalityId.Value))
            .Select(i => new { i.Id, i.PlanId, ExternalityId = i.ExternalityId!.Value }).ToListAsync(ct);
        var lights = new Dictionary<Guid, Light>();
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        foreach (var plan in indicators.Select(i => i.PlanId).Distinct())
            foreach (var status in await facts.ProgressAsync(plan, only: indicatorIds, ct: ct))
                lights[status.Id] = status.Progress.Light;
        var watching = indicators.ToLookup(i => i.ExternalityId, i => lights.GetValueOrDefault(i.Id));

        var lang = Languages.Current;
        return externalities.Select(x =>
        {
            var its = mitigations[x.Id].Where(m => m.Status != MitigationStatus.Dropped).ToList();
            return new ExternalityWatchRow(x.Id, x.PlanId, x.Code, x.Name.Get(lang, tenant.DefaultLanguage), x.Kind, x.State, x.OwnerDepartmentId, x.ReviewedOn,
                x.DriverObjectiveIds.Count + x.DriverActionIds.Count, watching[x.Id].Count(), Progress.Worst(watching[x.Id]),
                its.Count(m => m.Status == MitigationStatus.Done), its.Count,
                its.Count(m => m.Due is { } due && due < today && m.Status is MitigationStatus.Planned or MitigationStatus.InProgress));
        }).ToList();
    }
}
