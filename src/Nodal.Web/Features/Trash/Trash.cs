using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Features.Trash;

public enum RestoreOutcome
{
    Restored,
    NotFound,
    /// <summary>A live record has taken its place (a measurement of the same indicator and period).</summary>
    Occupied,
}

public sealed record TrashItem(string Type, Guid Id, string Label, DateTime DeletedAt, string? DeletedBy);

/// <summary>
/// Deleted records of every kind a feature registers, and restoring them. A feature makes its records
/// restorable by adding its type to <see cref="Kinds"/>.
/// </summary>
public sealed class TrashService(NodalDbContext db)
{
    public static readonly IReadOnlyDictionary<string, Type> Kinds = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["Department"] = typeof(Department),
        ["OfficeUnit"] = typeof(OfficeUnit),
        ["OfficeYear"] = typeof(OfficeYear),
        ["Plan"] = typeof(StrategicPlan),
        ["AnalysisItem"] = typeof(AnalysisItem),
        ["Axis"] = typeof(Axis),
        ["Objective"] = typeof(Objective),
        ["Action"] = typeof(PolicyAction),
        ["Counterpart"] = typeof(Nodal.Core.Relations.Counterpart),
        ["Contact"] = typeof(Nodal.Core.Relations.Contact),
        ["Agreement"] = typeof(Nodal.Core.Relations.Agreement),
        ["AgreementDocument"] = typeof(Nodal.Core.Relations.AgreementDocument),
        ["LedgerEntry"] = typeof(Nodal.Core.Relations.LedgerEntry),
        ["NetworkMembership"] = typeof(Nodal.Core.Relations.NetworkMembership),
        ["NetworkRole"] = typeof(Nodal.Core.Relations.NetworkRoleHeld),
        ["MembershipReport"] = typeof(Nodal.Core.Relations.MembershipReport),
        ["Alliance"] = typeof(Nodal.Core.Relations.Alliance),
        ["Project"] = typeof(Nodal.Core.Relations.CooperationProject),
        ["ProjectPartner"] = typeof(Nodal.Core.Relations.ProjectPartner),
        ["ProjectTransaction"] = typeof(Nodal.Core.Relations.ProjectTransaction),
        ["Mission"] = typeof(Nodal.Core.Relations.Mission),
        ["Indicator"] = typeof(Nodal.Core.Monitoring.Indicator),
        ["IndicatorTarget"] = typeof(Nodal.Core.Monitoring.IndicatorTarget),
        ["Measurement"] = typeof(Nodal.Core.Monitoring.Measurement),
        ["Evaluation"] = typeof(Nodal.Core.Monitoring.Evaluation),
        ["Recommendation"] = typeof(Nodal.Core.Monitoring.Recommendation),
        ["Externality"] = typeof(Nodal.Core.Monitoring.Externality),
        ["Mitigation"] = typeof(Nodal.Core.Monitoring.Mitigation),
    };

    private static readonly MethodInfo ListOneMethod = typeof(TrashService).GetMethod(nameof(ListKindAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly MethodInfo RestoreOneMethod = typeof(TrashService).GetMethod(nameof(RestoreKindAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task<IReadOnlyList<TrashItem>> ListAsync(CancellationToken ct)
    {
        var all = new List<TrashItem>();
        foreach (var (name, type) in Kinds)
            all.AddRange(await (Task<List<TrashItem>>)ListOneMethod.MakeGenericMethod(type).Invoke(this, [name, ct])!);
        return all.OrderByDescending(i => i.DeletedAt).ToList();
    }

    /// <summary>Brings a record back, unless there is no such deleted record in this organization or a live one took its place.</summary>
    public async Task<RestoreOutcome> RestoreAsync(string kind, Guid id, CancellationToken ct) =>
        Kinds.TryGetValue(kind, out var type) ? await (Task<RestoreOutcome>)RestoreOneMethod.MakeGenericMethod(type).Invoke(this, [id, ct])! : RestoreOutcome.NotFound;

    private async Task<List<TrashItem>> ListKindAsync<T>(string name, CancellationToken ct) where T : TenantEntity
    {
        var rows = await db.Deleted<T>().AsNoTracking().OrderByDescending(x => x.DeletedAt).Take(500).ToListAsync(ct);
        var lang = Languages.Current;
        return rows.Select(r => new TrashItem(name, r.Id, r.Describe(lang), r.DeletedAt!.Value, r.DeletedBy)).ToList();
    }

    private async Task<RestoreOutcome> RestoreKindAsync<T>(Guid id, CancellationToken ct) where T : TenantEntity
    {
        var entity = await db.Deleted<T>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (entity is null) return RestoreOutcome.NotFound;
        // One live measurement per indicator and period: a deleted one comes back only to an empty slot.
        if (entity is Nodal.Core.Monitoring.Measurement m
            && await db.Measurements.AnyAsync(x => x.IndicatorId == m.IndicatorId && x.Period == m.Period, ct))
            return RestoreOutcome.Occupied;
        entity.DeletedAt = null;
        entity.DeletedBy = null;
        await db.SaveChangesAsync(ct);
        return RestoreOutcome.Restored;
    }
}

public static class TrashApi
{
    public static RouteGroupBuilder MapTrashApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/trash").WithTags("Trash");
        g.MapGet("/", async (TrashService trash, CancellationToken ct) => TypedResults.Ok(await trash.ListAsync(ct)))
            .Requires(Capability.ManageTrash)
            .WithName("ListTrash").WithSummary("List deleted records").WithDescription("Every deleted record of the organization, newest first.");
        g.MapPost("/{kind}/{id:guid}/restore", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (string kind, Guid id, TrashService trash, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await trash.RestoreAsync(kind, id, ct) switch
                {
                    RestoreOutcome.Restored => TypedResults.NoContent(),
                    RestoreOutcome.Occupied => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L["It cannot be restored: another record has taken its place."]),
                    _ => ApiResults.NotFound(L),
                })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Requires(Capability.ManageTrash)
            .WithName("RestoreFromTrash").WithSummary("Restore a deleted record").WithDescription("kind is Department, OfficeUnit or OfficeYear.");
        return api;
    }
}
