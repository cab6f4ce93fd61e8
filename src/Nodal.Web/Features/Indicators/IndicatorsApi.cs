using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Indicators;

public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/indicators").WithTags("Indicators");

        g.MapGet("/", async ([AsParameters] IndicatorListQuery query, IndicatorListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListIndicators").WithSummary("List indicators")
            .WithDescription("Indicators of the token's organization, in the current plan unless plan= names another (in every plan when none is current). "
                             + "Filters: level (Territorial, Programmatic, Operational), kind (Quantitative, Qualitative), department (the owner), objective (linked to it). "
                             + "Search (q) in the code and the name in any language. Sorting (sort=code|name|level|department|frequency, dir=asc|desc) and paging (page, pageSize ≤ 200). "
                             + "Each row has its latest validated value (formatted) and its traffic light on the latest assessed target.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<IndicatorDto>, NotFound<ProblemDetails>>> (Guid id, IndicatorService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var i = await service.FindAsync(id, ct);
                if (i is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{i.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(i, ct));
            })
            .WithName("GetIndicator").WithSummary("Get an indicator")
            .WithDescription("One indicator with its targets and its progress on the latest assessed target (from validated measurements only), and its version (for concurrency; also the ETag).");

        g.MapPost("/", async Task<Results<Created<IndicatorDto>, ValidationProblem>> (IndicatorInput input, IndicatorService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var i = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/indicators/{i.Id}", await service.ToDtoAsync(i, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("CreateIndicator").WithSummary("Create an indicator")
            .WithDescription("The plan, the name in the organization's main language, the level, the kind, the frequency and the owner department are required; the code is generated (I-001…) when empty. "
                             + "A qualitative indicator with ratingLevels (worst first) is a rating: its baseline and targets are indices in the scale (or baselineLevel names the level); without levels it is free text. "
                             + "firstPeriod is a key of the frequency (2026, 2026-Q1, 2026-07). Link to at most one of objectiveId, actionId, projectId, externalityId; "
                             + "the objective, action and externality must be of the same plan. sdgIndicator is a global indicator code such as 11.2.1.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<IndicatorDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, IndicatorInput input, IndicatorService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var i = await service.FindAsync(id, ct);
                if (i is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, i, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(i, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{i.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(i, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("UpdateIndicator").WithSummary("Change an indicator")
            .WithDescription("Send the whole indicator with the version you read; if someone changed it since (its targets included), the answer is 409 with the current values. "
                             + "Once measurements are entered, its frequency, kind and rating scale cannot change (400 naming the field).");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, IndicatorService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var i = await service.FindAsync(id, ct);
                if (i is null) return ApiResults.NotFound(L);
                var refused = false;
                if (await ApiResults.ConflictIfStaleAsync(L, async () => refused = !await service.TryDeleteAsync(i, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                if (refused)
                    return TypedResults.Problem(statusCode: 409, title: L["Measurements were entered for this indicator: move them to the Trash first."]);
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("DeleteIndicator").WithSummary("Move an indicator to the Trash")
            .WithDescription("The indicator and its targets go to the Trash and can be restored. Refused (409) while measurements are entered for it: they are the departments' work, moved to the Trash one by one first. "
                             + "Give ?version= to refuse the deletion when someone changed the indicator since you read it (409).");

        g.MapHistory<Indicator>()
            .WithName("GetIndicatorHistory").WithSummary("An indicator's history")
            .WithDescription("Every change of the indicator: who, when, each field before and after.");

        g.MapGet("/{id:guid}/targets", async Task<Results<Ok<IReadOnlyList<TargetDto>>, NotFound<ProblemDetails>>> (Guid id, IndicatorService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var i = await service.FindAsync(id, ct);
                if (i is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{i.Version}\"";
                return TypedResults.Ok<IReadOnlyList<TargetDto>>((await service.TargetsAsync(id, ct)).Select(t => IndicatorService.ToDto(i, t)).ToList());
            })
            .WithName("GetIndicatorTargets").WithSummary("An indicator's targets")
            .WithDescription("The targets in period order: the period key of its span, the span (the indicator's frequency or Yearly), the value (or the level's index) or the text, and the value as people read it. The ETag is the indicator's version.");

        g.MapPut("/{id:guid}/targets", async Task<Results<Ok<IReadOnlyList<TargetDto>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, TargetsInput input, IndicatorService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var i = await service.FindAsync(id, ct);
                if (i is null) return ApiResults.NotFound(L);
                var (validation, targets) = service.ValidateTargets(i, input.Targets ?? [], [], n => $"Targets[{n}].");
                if (input.Version is null)
                    validation.Errors.Add(new FluentValidation.Results.ValidationFailure("Version", L["The version you edited is missing; reload the page."]));
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.ReplaceTargetsAsync(i, targets, input.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{i.Version}\"";
                return TypedResults.Ok<IReadOnlyList<TargetDto>>((await service.TargetsAsync(id, ct)).Select(t => IndicatorService.ToDto(i, t)).ToList());
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("ReplaceIndicatorTargets").WithSummary("Replace an indicator's targets")
            .WithDescription("Send every target with the indicator's version you read: {\"version\": 3, \"targets\": [{\"period\": \"2026-Q1\", \"span\": \"Quarterly\", \"value\": 120}, {\"period\": \"2026\", \"span\": \"Yearly\", \"value\": 500}]}. "
                             + "One target per period and span; the span is the indicator's frequency (when left out) or Yearly. A quantitative target needs a value, a rating the index of a level, a free-text indicator a text. "
                             + "Targets left out go to the Trash. The indicator's version moves; a stale one answers 409 with the current indicator.");

        return api;
    }

    private static async Task<IndicatorDto?> CurrentAsync(IndicatorService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;
}
