using Microsoft.Extensions.Caching.Memory;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Dashboard;

/// <summary>What the dashboard needs of one action: where it sits (for the filters), its SDGs and its budget lines.</summary>
public sealed record ActionLite(
    Guid Id,
    Guid? ObjectiveId,
    Guid LeadDepartmentId,
    ActionStatus Status,
    DateOnly? End,
    /// <summary>The action's own axes plus its objective's.</summary>
    IReadOnlyList<Guid> AxisIds,
    IReadOnlyList<int> SdgGoals,
    IReadOnlyList<BudgetFacts> Budgets);

/// <summary>The action-based figures of a plan, as cached.</summary>
public sealed record PlanActionFacts(PlanFiguresDto Figures, IReadOnlyList<ActionLite> Actions);

/// <summary>
/// Caches the action-based figures of a plan (<see cref="PlanFiguresService"/> and the actions' budget lines), the
/// costly part of a dashboard at thousands of actions. Every request first reads the organization's change
/// stamps (one primary-key read; every save of a policy record bumps them in its own transaction) and
/// recomputes when they moved. Every node checks the same stamps, so no node serves figures older than the last save.
/// </summary>
public sealed class PlanFactsCache(NodalDbContext db, TenantContext tenant, PlanFiguresService figures, IMemoryCache cache, TimeProvider clock)
{
    private sealed record Entry(string Stamp, PlanActionFacts Facts);

    public async Task<PlanActionFacts> GetAsync(StrategicPlan plan, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var key = ("nodal-plan-facts", tenant.OrganizationId, plan.Id, Languages.Current, tenant.DefaultLanguage, tenant.Currency, today);
        var stamp = await StampAsync(plan.Id, ct);
        if (cache.TryGetValue(key, out Entry? hit) && hit!.Stamp == stamp) return hit.Facts;

        var facts = new PlanActionFacts(await figures.ComputeAsync(plan, ct), await ActionsAsync(plan.Id, ct));
        cache.Set(key, new Entry(stamp, facts), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20), Size = 1 });
        return facts;
    }

    /// <summary>
    /// Moves whenever a record of the policy or of measurement and evaluation is added, changed, deleted or restored
    /// in the organization: the change stamps every save bumps in its own transaction (<see cref="ChangeStamp"/>).
    /// </summary>
    public Task<string> StampAsync(Guid planId, CancellationToken ct) => db.StampsAsync(ct);

    private async Task<List<ActionLite>> ActionsAsync(Guid planId, CancellationToken ct)
    {
        var objectiveAxes = await db.Objectives.AsNoTracking().Where(o => o.PlanId == planId).ToDictionaryAsync(o => o.Id, o => o.AxisIds, ct);
        var rows = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.ObjectiveId, a.LeadDepartmentId, a.Status, a.End, a.AxisIds, a.SdgTargets }).ToListAsync(ct);
        var budgets = (await (from b in db.Budgets
                              join a in db.Actions on b.ActionId equals a.Id
                              where a.PlanId == planId
                              select new { b.ActionId, b.Year, b.Planned, b.Spent, b.Currency }).AsNoTracking().ToListAsync(ct))
            .ToLookup(b => b.ActionId, b => new BudgetFacts(b.Year, b.Planned, b.Spent, b.Currency));
        return rows.Select(a => new ActionLite(a.Id, a.ObjectiveId, a.LeadDepartmentId, a.Status, a.End,
            a.ObjectiveId is { } o && objectiveAxes.TryGetValue(o, out var oa) ? a.AxisIds.Union(oa).ToList() : a.AxisIds,
            a.SdgTargets.Select(Sdg.GoalOf).Where(g => g > 0).Distinct().ToList(),
            budgets[a.Id].ToList())).ToList();
    }
}
