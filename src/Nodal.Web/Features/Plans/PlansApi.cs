using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Plans;

/// <summary>A status change: to adopt, also the date, the body and the act.</summary>
public sealed record PlanStatusInput(PlanStatus To, DateOnly? AdoptedOn, string? AdoptedBy, string? AdoptionAct, long? Version);

public sealed record PlanVersionDto(int Number, DateOnly AdoptedOn, string? AdoptedBy, string? AdoptionAct, string? FrozenBy, DateTime FrozenAt);

public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plans").WithTags("Plans");

        g.MapGet("/", async (PlanService plans, CancellationToken ct) => TypedResults.Ok(await plans.ListAsync(ct)))
            .WithName("ListPlans").WithSummary("List strategic plans")
            .WithDescription("The organization's plans, the current one first, with their number of objectives and actions.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<PlanDto>, NotFound<ProblemDetails>>> (Guid id, PlanService plans, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{p.Version}\"";
                return TypedResults.Ok(PlanDto.From(p));
            })
            .WithName("GetPlan").WithSummary("Get a plan").WithDescription("One plan: horizon, vision, city model, the city development plan it serves, status and adoption.");

        g.MapPost("/", async Task<Results<Created<PlanDto>, ValidationProblem>> (PlanInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var v = await plans.ValidateAsync(input, false, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var p = await plans.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/plans/{p.Id}", PlanDto.From(p));
            })
            .Requires(Capability.ManagePlans)
            .WithName("CreatePlan").WithSummary("Draft a plan").WithDescription("A new plan starts as a draft; the organization's first plan becomes its current one.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<PlanDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, PlanInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(input, true, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                try { await plans.UpdateAsync(p, input, ct); }
                catch (DbUpdateConcurrencyException) { return await ConflictAsync(plans.ReloadAsync<StrategicPlan>(id), PlanDto.From, L); }
                return TypedResults.Ok(PlanDto.From(p));
            })
            .Requires(Capability.ManagePlans)
            .WithName("UpdatePlan").WithSummary("Change a plan").WithDescription("Send the version you read; a stale version answers 409 with the current values.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                try { await plans.DeleteAsync(p, version, ct); }
                catch (DbUpdateConcurrencyException) { return ApiResults.Conflict(L, null); }
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManagePlans)
            .WithName("DeletePlan").WithSummary("Move a plan to the Trash").WithDescription("The plan can be restored from the Trash.");

        g.MapPost("/{id:guid}/status", async Task<Results<Ok<PlanDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, PlanStatusInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                try
                {
                    var v = await plans.ChangeStatusAsync(p, input.To, new AdoptionInput { AdoptedOn = input.AdoptedOn, AdoptedBy = input.AdoptedBy, AdoptionAct = input.AdoptionAct, Version = input.Version }, ct);
                    if (!v.IsValid) return ApiResults.Invalid(v, L);
                }
                catch (DbUpdateConcurrencyException) { return await ConflictAsync(plans.ReloadAsync<StrategicPlan>(id), PlanDto.From, L); }
                return TypedResults.Ok(PlanDto.From(p));
            })
            .Requires(Capability.ManagePlans)
            .WithName("ChangePlanStatus").WithSummary("Move a plan along its life cycle")
            .WithDescription("Draft → in consultation → adopted → under review → adopted again or archived. Adopting needs adoptedOn, adoptedBy and adoptionAct, and freezes a new version.");

        g.MapPost("/{id:guid}/current", async Task<Results<Ok<PlanDto>, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                try { await plans.MakeCurrentAsync(p, version, ct); }
                catch (DbUpdateConcurrencyException) { return ApiResults.Conflict(L, null); }
                return TypedResults.Ok(PlanDto.From(p));
            })
            .Requires(Capability.ManagePlans)
            .WithName("MakePlanCurrent").WithSummary("Make a plan the current one").WithDescription("The organization works under one current plan; the others are kept.");

        g.MapGet("/{id:guid}/figures", async Task<Results<Ok<PlanFiguresDto>, NotFound<ProblemDetails>>> (Guid id, PlanService plans, PlanFiguresService figures, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                return TypedResults.Ok(await figures.ComputeAsync(p, ct));
            })
            .WithName("GetPlanFigures").WithSummary("A plan's figures")
            .WithDescription("Computed from the data: planned vs reactive share of actions and budget (overall and per year), thematic and geographic focus (Herfindahl–Hirschman index with its reading), transversality, SDG coverage, objectives with no action, actions past due.");

        g.MapGet("/{id:guid}/versions", async Task<Results<Ok<List<PlanVersionDto>>, NotFound<ProblemDetails>>> (Guid id, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                return TypedResults.Ok((await plans.VersionsAsync(id, ct)).Select(v => new PlanVersionDto(v.Number, v.AdoptedOn, v.AdoptedBy, v.AdoptionAct, v.FrozenBy, v.CreatedAt)).ToList());
            })
            .WithName("ListPlanVersions").WithSummary("A plan's frozen versions").WithDescription("One version is frozen each time the plan is adopted.");

        g.MapGet("/{id:guid}/compare", async Task<Results<Ok<IReadOnlyList<ItemChange>>, NotFound<ProblemDetails>>> (Guid id, string from, string? to, PlanService plans, NodalDbContext db, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var versions = await plans.VersionsAsync(id, ct);
                async Task<PlanSnapshot?> Take(string which) => which == "now" ? await PlanSnapshot.TakeAsync(db, p, ct)
                    : int.TryParse(which, out var n) && versions.FirstOrDefault(v => v.Number == n) is { } v ? PlanSnapshot.FromJson(v.Snapshot) : null;
                var a = await Take(from);
                var b = await Take(to ?? "now");
                if (a is null || b is null) return ApiResults.NotFound(L);
                return TypedResults.Ok(PlanComparison.Compare(a, b));
            })
            .WithName("ComparePlanVersions").WithSummary("Compare two versions of a plan")
            .WithDescription("from and to are version numbers, or \"now\" for the plan as it is; the answer lists the analysis items, axes, objectives and actions added, changed (field by field) and dropped.");

        g.MapHistory<StrategicPlan>()
            .WithName("GetPlanHistory").WithSummary("A plan's history").WithDescription("Every change: who, when, each field before and after.");

        MapChildren(g);
        return api;
    }

    private static void MapChildren(RouteGroupBuilder g)
    {
        // Territorial analysis
        g.MapGet("/{planId:guid}/analysis", async Task<Results<Ok<List<AnalysisItemDto>>, NotFound<ProblemDetails>>> (Guid planId, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await plans.FindAsync(planId, ct) is null ? ApiResults.NotFound(L) : TypedResults.Ok((await plans.AnalysisAsync(planId, ct)).Select(AnalysisItemDto.From).ToList()))
            .WithName("ListAnalysisItems").WithSummary("A plan's territorial analysis").WithDescription("Specificities of the territory and its strengths, weaknesses, opportunities and threats.");

        g.MapPost("/{planId:guid}/analysis", async Task<Results<Created<AnalysisItemDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid planId, AnalysisItemInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await plans.FindAsync(planId, ct) is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(input, false, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var item = await plans.SaveAnalysisItemAsync(planId, null, input, ct);
                return TypedResults.Created($"/api/v1/plans/{planId}/analysis/{item.Id}", AnalysisItemDto.From(item));
            })
            .Requires(Capability.ManagePlans)
            .WithName("CreateAnalysisItem").WithSummary("Add a finding to the territorial analysis").WithDescription("kind (Specificity, Strength, Weakness, Opportunity, Threat), area (Cultural, Economic, Natural, Geographic, Social, Institutional) and the statement.");

        g.MapPut("/{planId:guid}/analysis/{id:guid}", async Task<Results<Ok<AnalysisItemDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid planId, Guid id, AnalysisItemInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var item = await plans.FindAnalysisItemAsync(planId, id, ct);
                if (item is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(input, true, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                try { await plans.SaveAnalysisItemAsync(planId, item, input, ct); }
                catch (DbUpdateConcurrencyException) { return await ConflictAsync(plans.ReloadAsync<AnalysisItem>(id), AnalysisItemDto.From, L); }
                return TypedResults.Ok(AnalysisItemDto.From(item));
            })
            .Requires(Capability.ManagePlans)
            .WithName("UpdateAnalysisItem").WithSummary("Change a finding").WithDescription("Send the version you read; a stale version answers 409.");

        g.MapDelete("/{planId:guid}/analysis/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid planId, Guid id, long? version, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var item = await plans.FindAnalysisItemAsync(planId, id, ct);
                if (item is null) return ApiResults.NotFound(L);
                try { await plans.DeleteAsync(item, version, ct); }
                catch (DbUpdateConcurrencyException) { return ApiResults.Conflict(L, null); }
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManagePlans)
            .WithName("DeleteAnalysisItem").WithSummary("Move a finding to the Trash").WithDescription("It can be restored from the Trash.");

        // Axes
        g.MapGet("/{planId:guid}/axes", async Task<Results<Ok<List<AxisDto>>, NotFound<ProblemDetails>>> (Guid planId, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await plans.FindAsync(planId, ct) is null ? ApiResults.NotFound(L) : TypedResults.Ok((await plans.AxesAsync(planId, ct)).Select(AxisDto.From).ToList()))
            .WithName("ListAxes").WithSummary("A plan's axes").WithDescription("Thematic and geographic axes in priority order.");

        g.MapPost("/{planId:guid}/axes", async Task<Results<Created<AxisDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid planId, AxisInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await plans.FindAsync(planId, ct) is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(planId, input, false, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var axis = await plans.SaveAxisAsync(planId, null, input, ct);
                return TypedResults.Created($"/api/v1/plans/{planId}/axes/{axis.Id}", AxisDto.From(axis));
            })
            .Requires(Capability.ManagePlans)
            .WithName("CreateAxis").WithSummary("Add an axis").WithDescription("kind Thematic or Geographic; a geographic axis names UN M49 regions and/or ISO 3166 countries; analysisItemIds cite the findings it comes from.");

        g.MapPut("/{planId:guid}/axes/{id:guid}", async Task<Results<Ok<AxisDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid planId, Guid id, AxisInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var axis = await plans.FindAxisAsync(planId, id, ct);
                if (axis is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(planId, input, true, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                try { await plans.SaveAxisAsync(planId, axis, input, ct); }
                catch (DbUpdateConcurrencyException) { return await ConflictAsync(plans.ReloadAsync<Axis>(id), AxisDto.From, L); }
                return TypedResults.Ok(AxisDto.From(axis));
            })
            .Requires(Capability.ManagePlans)
            .WithName("UpdateAxis").WithSummary("Change an axis").WithDescription("Send the version you read; a stale version answers 409.");

        g.MapDelete("/{planId:guid}/axes/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid planId, Guid id, long? version, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var axis = await plans.FindAxisAsync(planId, id, ct);
                if (axis is null) return ApiResults.NotFound(L);
                try { await plans.DeleteAsync(axis, version, ct); }
                catch (DbUpdateConcurrencyException) { return ApiResults.Conflict(L, null); }
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManagePlans)
            .WithName("DeleteAxis").WithSummary("Move an axis to the Trash").WithDescription("It can be restored from the Trash.");

        // Objectives
        g.MapGet("/{planId:guid}/objectives", async Task<Results<Ok<List<ObjectiveDto>>, NotFound<ProblemDetails>>> (Guid planId, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await plans.FindAsync(planId, ct) is null ? ApiResults.NotFound(L) : TypedResults.Ok((await plans.ObjectivesAsync(planId, ct)).Select(ObjectiveDto.From).ToList()))
            .WithName("ListObjectives").WithSummary("A plan's objectives").WithDescription("Each in one of the five objective families, with axes, owner, deadline and SDG targets.");

        g.MapGet("/{planId:guid}/objectives/{id:guid}", async Task<Results<Ok<ObjectiveDto>, NotFound<ProblemDetails>>> (Guid planId, Guid id, PlanService plans, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var o = await plans.FindObjectiveAsync(planId, id, ct);
                if (o is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{o.Version}\"";
                return TypedResults.Ok(ObjectiveDto.From(o));
            })
            .WithName("GetObjective").WithSummary("Get an objective").WithDescription("One objective with its version (for concurrency).");

        g.MapPost("/{planId:guid}/objectives", async Task<Results<Created<ObjectiveDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid planId, ObjectiveInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await plans.FindAsync(planId, ct) is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(planId, input, null, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var o = await plans.SaveObjectiveAsync(planId, null, input, ct);
                return TypedResults.Created($"/api/v1/plans/{planId}/objectives/{o.Id}", ObjectiveDto.From(o));
            })
            .Requires(Capability.ManagePlans)
            .WithName("CreateObjective").WithSummary("Add an objective")
            .WithDescription("family: Projection, Exchange, Solidarity, Reciprocity or Advocacy; the statement in the organization's main language; code generated (O1, O2…) when empty.");

        g.MapPut("/{planId:guid}/objectives/{id:guid}", async Task<Results<Ok<ObjectiveDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid planId, Guid id, ObjectiveInput input, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var o = await plans.FindObjectiveAsync(planId, id, ct);
                if (o is null) return ApiResults.NotFound(L);
                var v = await plans.ValidateAsync(planId, input, id, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                try { await plans.SaveObjectiveAsync(planId, o, input, ct); }
                catch (DbUpdateConcurrencyException) { return await ConflictAsync(plans.ReloadAsync<Objective>(id), ObjectiveDto.From, L); }
                return TypedResults.Ok(ObjectiveDto.From(o));
            })
            .Requires(Capability.ManagePlans)
            .WithName("UpdateObjective").WithSummary("Change an objective").WithDescription("Send the version you read; a stale version answers 409 with the current values.");

        g.MapDelete("/{planId:guid}/objectives/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid planId, Guid id, long? version, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var o = await plans.FindObjectiveAsync(planId, id, ct);
                if (o is null) return ApiResults.NotFound(L);
                try
                {
                    if (!await plans.TryDeleteObjectiveAsync(o, version, ct))
                        return TypedResults.Problem(statusCode: 409, title: L["Actions serve this objective: move them to another objective or to the Trash first."]);
                }
                catch (DbUpdateConcurrencyException) { return ApiResults.Conflict(L, null); }
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManagePlans)
            .WithName("DeleteObjective").WithSummary("Move an objective to the Trash").WithDescription("Refused (409) while actions serve it.");
    }

    /// <summary>409 with the record as it is now (reloaded untracked, after the failed save).</summary>
    private static async Task<ProblemHttpResult> ConflictAsync<T, TDto>(Task<T?> reload, Func<T, TDto> dto, IStringLocalizer<SharedResource> L) where T : class
    {
        var current = await reload;
        return ApiResults.Conflict(L, current is null ? null : dto(current));
    }
}
