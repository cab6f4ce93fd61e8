using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Externalities;

/// <summary>What the externalities list asks for.</summary>
public sealed class ExternalityListQuery
{
    /// <summary>The plan; the current plan (else the latest) when empty.</summary>
    public Guid? Plan { get; set; }
    public ExternalityKind? Kind { get; set; }
    public ExternalityState? State { get; set; }
}

/// <summary>The externalities of a plan, with how many are watched, of concern and mitigated.</summary>
public sealed record ExternalityList(Guid? PlanId, IReadOnlyList<ExternalityWatchRow> Items, ExternalitySummary Summary);

public static class ExternalitiesApi
{
    public static RouteGroupBuilder MapExternalitiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/externalities").WithTags("Externalities");

        g.MapGet("/", async ([AsParameters] ExternalityListQuery query, ExternalityService service, ExternalityWatch watch, CancellationToken ct) =>
            {
                var plan = query.Plan ?? await service.CurrentPlanIdAsync(ct);
                var rows = plan is { } p ? await watch.RowsAsync(p, query.Kind, query.State, ct) : [];
                return TypedResults.Ok(new ExternalityList(plan, rows, ExternalityWatch.Summarize(rows)));
            })
            .WithName("ListExternalities").WithSummary("List negative externalities")
            .WithDescription("The externalities of a plan (plan=; the current plan, else the latest, by default), filtered by kind and state. Each row has its drivers' count, "
                             + "the indicators watching it and their worst light (from validated measurements), its measures done out of all (dropped ones not counted) and overdue, "
                             + "and the flags noIndicator and noMitigation. The summary counts the rows watched, of concern and mitigated.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<ExternalityDto>, NotFound<ProblemDetails>>> (Guid id, ExternalityService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                if (x is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{x.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(x, ct));
            })
            .WithName("GetExternality").WithSummary("Get a negative externality")
            .WithDescription("One externality with its mitigation measures (overdue flagged), the indicators watching it with their latest validated value and light, and its version (also the ETag).");

        g.MapPost("/", async Task<Results<Created<ExternalityDto>, ValidationProblem>> (ExternalityInput input, ExternalityService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var x = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/externalities/{x.Id}", await service.ToDtoAsync(x, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("CreateExternality").WithSummary("Record a negative externality")
            .WithDescription("The plan, the kind, the name in the organization's main language and the state are required; the code is the next X-NN when empty. "
                             + "driverObjectiveIds and driverActionIds must be objectives and actions of the same plan.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<ExternalityDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, ExternalityInput input, ExternalityService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                if (x is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(x, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{x.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(x, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("UpdateExternality").WithSummary("Change a negative externality")
            .WithDescription("Send the whole record with the version you read; if someone changed it since, the answer is 409 with the current values. "
                             + "A change of state with the same reviewedOn records today as the review date.");

        g.MapPost("/{id:guid}/state", async Task<Results<Ok<ExternalityDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, StateInput input, ExternalityService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                if (x is null) return ApiResults.NotFound(L);
                if (input.State is not { } state || !Enum.IsDefined(state))
                    return ApiResults.Invalid(new FluentValidation.Results.ValidationResult([new FluentValidation.Results.ValidationFailure(nameof(StateInput.State), L["Choose the state of the externality."])]), L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.ChangeStateAsync(x, state, input.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{x.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(x, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("ReviewExternality").WithSummary("Record a review of an externality's state")
            .WithDescription("Sets the state (watch, concern, mitigated) and records today as reviewedOn. Send the version you read: a stale one answers 409.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, ExternalityService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                if (x is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(x, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("DeleteExternality").WithSummary("Move a negative externality to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed it since you read it (409). Its mitigation measures stay with it and come back when it is "
                             + "restored from the Trash; the indicators watching it are not deleted and keep their measurements.");

        g.MapHistory<Externality>()
            .WithName("GetExternalityHistory").WithSummary("A negative externality's history");

        var m = g.MapGroup("/{id:guid}/mitigations");

        m.MapGet("/", async Task<Results<Ok<IReadOnlyList<MitigationDto>>, NotFound<ProblemDetails>>> (Guid id, ExternalityService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                if (x is null) return ApiResults.NotFound(L);
                var today = service.Today;
                return TypedResults.Ok<IReadOnlyList<MitigationDto>>((await service.MitigationsAsync(id, ct)).Select(y => MitigationDto.From(y, today)).ToList());
            })
            .WithName("ListMitigations").WithSummary("The mitigation measures of an externality")
            .WithDescription("By due date (undated last); overdue: not done nor dropped and past its due date.");

        m.MapPost("/", async Task<Results<Created<MitigationDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid id, MitigationInput input, ExternalityService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                if (x is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateMitigationAsync(x, input, false, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var y = await service.SaveMitigationAsync(x, null, input, ct);
                return TypedResults.Created($"/api/v1/externalities/{id}/mitigations/{y.Id}", MitigationDto.From(y, service.Today));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("CreateMitigation").WithSummary("Add a mitigation measure")
            .WithDescription("The measure in the organization's main language and its status (Planned, InProgress, Done, Dropped) are required; actionId must be an action of the externality's plan.");

        m.MapPut("/{mitigationId:guid}", async Task<Results<Ok<MitigationDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid mitigationId, MitigationInput input, ExternalityService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var x = await service.FindAsync(id, ct);
                var y = x is null ? null : await service.FindMitigationAsync(id, mitigationId, ct);
                if (x is null || y is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateMitigationAsync(x, input, true, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.SaveMitigationAsync(x, y, input, ct), () => CurrentMitigationAsync(service, mitigationId, ct)) is { } stale) return stale;
                return TypedResults.Ok(MitigationDto.From(y, service.Today));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("UpdateMitigation").WithSummary("Change a mitigation measure")
            .WithDescription("Send the whole measure with the version you read; a stale one answers 409 with the current values.");

        m.MapDelete("/{mitigationId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, Guid mitigationId, long? version, ExternalityService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var y = await service.FindAsync(id, ct) is null ? null : await service.FindMitigationAsync(id, mitigationId, ct);
                if (y is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteMitigationAsync(y, version, ct), () => CurrentMitigationAsync(service, mitigationId, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("DeleteMitigation").WithSummary("Move a mitigation measure to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed it since you read it (409). It can be restored from the Trash.");

        return api;
    }

    private static async Task<ExternalityDto?> CurrentAsync(ExternalityService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;

    private static async Task<MitigationDto?> CurrentMitigationAsync(ExternalityService service, Guid id, CancellationToken ct) =>
        await service.ReloadMitigationAsync(id, ct) is { } current ? MitigationDto.From(current, service.Today) : null;
}
