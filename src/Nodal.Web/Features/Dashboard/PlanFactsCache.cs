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
/// costly part of a dashboard at thousands of actions. Every request first reads a stamp from the database —
/// count, sum of versions and latest change of the plan's actions and budget lines (soft-deleted ones included,
/// so a deletion or a restore shows), its objectives and axes, and the departments — and recomputes when it
/// differs. Every node checks the same stamp, so no node serves figures older than the last save.
/// </summary>
public sealed class PlanFactsCache(NodalDbContext db, TenantContext tenant, PlanFiguresService figures, IMemoryCache cache, TimeProvider clock)
{
    private sealed record Entry(string Stamp, PlanActionFacts Facts);
    private static readonly string[] SoftDelete = [NodalDbContext.SoftDeleteFilter];

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

    /// <summary>Changes whenever an action, budget line, objective, axis or department of the plan is added, changed, deleted, restored or purged.</summary>
    public async Task<string> StampAsync(Guid planId, CancellationToken ct)
    {
        var soft = SoftDelete;
        var actions = await db.Actions.IgnoreQueryFilters(soft).Where(a => a.PlanId == planId)
            .GroupBy(a => 1).Select(g => new { C = g.Count(), V = g.Sum(a => a.Version), M = g.Max(a => a.UpdatedAt) }).FirstOrDefaultAsync(ct);
        var budgets = await db.Budgets.IgnoreQueryFilters(soft)
            .Where(b => db.Actions.IgnoreQueryFilters(soft).Any(a => a.Id == b.ActionId && a.PlanId == planId))
            .GroupBy(b => 1).Select(g => new { C = g.Count(), V = g.Sum(b => b.Version), M = g.Max(b => b.UpdatedAt) }).FirstOrDefaultAsync(ct);
        var objectives = await db.Objectives.IgnoreQueryFilters(soft).Where(o => o.PlanId == planId)
            .GroupBy(o => 1).Select(g => new { C = g.Count(), V = g.Sum(o => o.Version), M = g.Max(o => o.UpdatedAt) }).FirstOrDefaultAsync(ct);
        var axes = await db.Axes.IgnoreQueryFilters(soft).Where(a => a.PlanId == planId)
            .GroupBy(a => 1).Select(g => new { C = g.Count(), V = g.Sum(a => a.Version), M = g.Max(a => a.UpdatedAt) }).FirstOrDefaultAsync(ct);
        var departments = await db.Departments.IgnoreQueryFilters(soft)
            .GroupBy(d => 1).Select(g => new { C = g.Count(), V = g.Sum(d => d.Version), M = g.Max(d => d.UpdatedAt) }).FirstOrDefaultAsync(ct);
        static string S(int? c, long? v, DateTime? m) => $"{c}:{v}:{m?.Ticks}";
        return string.Join('|', S(actions?.C, actions?.V, actions?.M), S(budgets?.C, budgets?.V, budgets?.M), S(objectives?.C, objectives?.V, objectives?.M),
            S(axes?.C, axes?.V, axes?.M), S(departments?.C, departments?.V, departments?.M));
    }

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
