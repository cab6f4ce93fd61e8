using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Relations;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Missions;

public static class MissionsApi
{
    public static RouteGroupBuilder MapMissionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/missions").WithTags("Missions");

        g.MapGet("/", async ([AsParameters] MissionListQuery query, MissionListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListMissions").WithSummary("List missions, visits and events")
            .WithDescription("Filters: kind (OutboundMission, InboundVisit, HostedEvent, AttendedEvent), status, year (taking place that year), country (ISO 3166-1 alpha-2), "
                             + "when=upcoming|past (ending today or later, or before). Search (q) in titles, city and delegation. "
                             + "Sorting (sort=start|end|title|kind|status|country, dir=asc|desc) and paging (page, pageSize ≤ 200).");

        g.MapGet("/{id:guid}", async Task<Results<Ok<MissionDto>, NotFound<ProblemDetails>>> (Guid id, MissionService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{m.Version}\"";
                return TypedResults.Ok(MissionDto.From(m));
            })
            .WithName("GetMission").WithSummary("Get a mission, visit or event");

        g.MapPost("/", async Task<Results<Created<MissionDto>, ValidationProblem, ProblemHttpResult>> (MissionInput input, MissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (input.LeadDepartmentId is { } lead && lead != Guid.Empty && !service.CanLead(lead)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var m = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/missions/{m.Id}", MissionDto.From(m));
            })
            .Requires(Capability.LogRelations)
            .WithName("CreateMission").WithSummary("Create a mission, visit or event")
            .WithDescription("The kind, the title in the organization's main language, start and end (end ≥ start) and the status are required; events also need eventKind, "
                             + "which must be empty otherwise. With a city and a country and no coordinates, latitude and longitude come from the gazetteer when the city is unambiguous. "
                             + "A focal point creates only missions their own department leads (else 403).");

        g.MapPut("/{id:guid}", async Task<Results<Ok<MissionDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, MissionInput input, MissionService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                if (!service.CanEdit(m)) return ApiResults.Forbidden(L);
                if (input.LeadDepartmentId is { } lead && lead != Guid.Empty && !service.CanLead(lead)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(m, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{m.Version}\"";
                return TypedResults.Ok(MissionDto.From(m));
            })
            .Requires(Capability.LogRelations)
            .WithName("UpdateMission").WithSummary("Change a mission, visit or event")
            .WithDescription("Send the whole record with the version you read; if someone changed it since, the answer is 409 with the current values. "
                             + "A focal point changes only their own department's missions and cannot hand them to another department (403).");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, MissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                if (!service.CanEdit(m)) return ApiResults.Forbidden(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(m, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.LogRelations)
            .WithName("DeleteMission").WithSummary("Move a mission to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed it since you read it (409). It can be restored from the Trash.");

        g.MapHistory<Mission>()
            .WithName("GetMissionHistory").WithSummary("A mission's history");

        return api;
    }

    private static async Task<MissionDto?> CurrentAsync(MissionService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? MissionDto.From(current) : null;
}
