using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Relations;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Alliances;

public static class AlliancesApi
{
    public static RouteGroupBuilder MapAlliancesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/alliances").WithTags("Networks");

        g.MapGet("/", async ([AsParameters] AllianceListQuery query, AllianceService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(query, ct)))
            .WithName("ListAlliances").WithSummary("List city alliances and declarations")
            .WithDescription("Each with its co-signatories' count (registered and by name) and its follow-up: actions, how many are done, the latest one's date. "
                             + "Search (q) in titles and co-signatory names; sorting (sort=adheredOn|title, dir=asc|desc; newest adhesion first by default) and paging (page, pageSize ≤ 200).");

        g.MapGet("/{id:guid}", async Task<Results<Ok<AllianceDto>, NotFound<ProblemDetails>>> (Guid id, AllianceService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(AllianceDto.From(a, await service.FollowUpAsync(a, ct)));
            })
            .WithName("GetAlliance").WithSummary("Get a city alliance or declaration with its follow-up");

        g.MapPost("/", async Task<Results<Created<AllianceDto>, ValidationProblem>> (AllianceInput input, AllianceService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var a = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/alliances/{a.Id}", AllianceDto.From(a, await service.FollowUpAsync(a, ct)));
            })
            .Requires(Capability.ManageRelations)
            .WithName("CreateAlliance").WithSummary("Record an alliance or declaration adhered to")
            .WithDescription("The title in at least one language is required. url is an absolute http(s) address; coSignatoryIds and followUpActionIds name "
                             + "counterparts and actions of the organization; promoterId a counterpart of kind CityNetwork; otherCoSignatories are names, "
                             + "trimmed and without duplicates.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<AllianceDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, AllianceInput input, AllianceService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(a, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(AllianceDto.From(a, await service.FollowUpAsync(a, ct)));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateAlliance").WithSummary("Change an alliance or declaration")
            .WithDescription("Send the whole record with the version you read; if someone changed it since, the answer is 409 with the current values.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, AllianceService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(a, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteAlliance").WithSummary("Move an alliance or declaration to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed it since you read it (409). It can be restored from the Trash.");

        g.MapHistory<Alliance>()
            .WithName("GetAllianceHistory").WithSummary("An alliance's history");

        return api;
    }

    private static async Task<AllianceDto?> CurrentAsync(AllianceService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? AllianceDto.From(current, await service.FollowUpAsync(current, ct)) : null;
}
