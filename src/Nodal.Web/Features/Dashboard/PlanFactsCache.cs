using Microsoft.EntityFrameworkCore.Storage;
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
        // One round trip, soft-deleted rows included (the query filters do not apply to raw SQL: the organization is named here).
        string T<TE>() => db.Model.FindEntityType(typeof(TE))!.GetTableName()!;
        static string Part(string alias) =>
            $"CAST(COUNT(*) AS TEXT) || ':' || CAST(COALESCE(SUM({alias}.\"Version\"), 0) AS TEXT) || ':' || COALESCE(CAST(MAX({alias}.\"UpdatedAt\") AS TEXT), '')";
        var org = tenant.OrganizationId ?? Guid.Empty;
        var sql = $"""
            SELECT (SELECT {Part("a")} FROM "{T<PolicyAction>()}" a WHERE a."OrganizationId" = @org AND a."PlanId" = @plan)
              || '|' || (SELECT {Part("b")} FROM "{T<ActionBudget>()}" b JOIN "{T<PolicyAction>()}" a ON a."Id" = b."ActionId"
                         WHERE b."OrganizationId" = @org AND a."OrganizationId" = @org AND a."PlanId" = @plan)
              || '|' || (SELECT {Part("o")} FROM "{T<Objective>()}" o WHERE o."OrganizationId" = @org AND o."PlanId" = @plan)
              || '|' || (SELECT {Part("x")} FROM "{T<Axis>()}" x WHERE x."OrganizationId" = @org AND x."PlanId" = @plan)
              || '|' || (SELECT {Part("d")} FROM "{T<Department>()}" d WHERE d."OrganizationId" = @org) AS "Value"
            """;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "org", org);
            Add(command, "plan", planId);
            return (await command.ExecuteScalarAsync(ct))?.ToString() ?? "";
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }

        void Add(System.Data.Common.DbCommand command, string name, Guid value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            // SQLite keeps GUIDs as upper-case text; PostgreSQL as uuid.
            p.Value = db.Database.IsSqlite() ? value.ToString("D").ToUpperInvariant() : value;
            command.Parameters.Add(p);
        }
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
