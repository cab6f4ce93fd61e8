using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Features.History;

public static class HistoryApi
{
    /// <summary>GET /{id}/history in a feature's group: every change of one record, who, when, each field before
    /// and after; 404 unless the record is in this organization (in the Trash or not). Name and describe it after.</summary>
    public static RouteHandlerBuilder MapHistory<T>(this RouteGroupBuilder g) where T : TenantEntity =>
        g.MapGet("/{id:guid}/history", async Task<Results<Ok<IReadOnlyList<HistoryItem>>, NotFound<ProblemDetails>>> (Guid id, NodalDbContext db, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!await db.Set<T>().IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AnyAsync(x => x.Id == id, ct)) return ApiResults.NotFound(L);
                return TypedResults.Ok(await HistoryQuery.ForRecordAsync(db, id, ct));
            })
            .Requires(Capability.ReadHistory);
}
