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

    /// <summary>GET /api/v1/history: the organization's whole trail, filtered and paged like its page.</summary>
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/history", async ([AsParameters] HistoryQueryParameters p, NodalDbContext db, CancellationToken ct) =>
            {
                var list = await HistorySearch.SearchAsync(db, new HistoryFilter { Kind = p.Kind, Who = p.Who, Q = p.Q, From = p.From, To = p.To, Order = p.Order, Page = p.Page, PageSize = p.PageSize }, ct);
                return TypedResults.Ok(new HistoryPage(list.Items, list.Total, list.Page, list.PageSize));
            })
            .Requires(Capability.ReadHistory)
            .WithTags("Organization")
            .WithName("GetOrganizationHistory").WithSummary("The organization's history")
            .WithDescription("Every change in the organization, newest first (order=oldest for the oldest first): who, when, the record's kind and label, "
                             + "each field before and after. Filters: kind (" + string.Join(", ", HistorySearch.Kinds.Values.Distinct().Order(StringComparer.Ordinal)) + "), "
                             + "who (part of a name or email), q (part of the record's label), from and to (dates, inclusive). Paged: page, pageSize (at most 200).");
        return api;
    }
}

public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, int Total, int Page, int PageSize);

public sealed class HistoryQueryParameters
{
    public string? Kind { get; set; }
    public string? Who { get; set; }
    public string? Q { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Order { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}
