using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Actions;

/// <summary>What attaching a reactive action to an objective sends.</summary>
public sealed class AttachInput
{
    public Guid? ObjectiveId { get; set; }
    /// <summary>The version of the action you read.</summary>
    public long? Version { get; set; }
}

public static class ActionsApi
{
    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/actions").WithTags("Actions");

        g.MapGet("/", async ([AsParameters] ActionListQuery query, ActionListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListActions").WithSummary("List actions")
            .WithDescription("Actions of the token's organization, in the current plan unless plan= names another (in every plan when none is current). Filters: axis (served directly or through the objective), "
                             + "family (of the objective), modality, department (leading or involved), status, origin=planned|reactive (as of today), year (running, requested or budgeted that year), "
                             + "sdg (a goal such as 11, or a target such as 11.2), country (ISO 3166-1 alpha-2). Search (q) in code, titles, descriptions, partners and cities. "
                             + "Sorting (sort=code|title|status|start|end|department, dir=asc|desc) and paging (page, pageSize ≤ 200). "
                             + "Each row has its planned budget added up in the organization's currency.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<ActionDto>, NotFound<ProblemDetails>>> (Guid id, ActionService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(a, ct));
            })
            .WithName("GetAction").WithSummary("Get an action")
            .WithDescription("One action with its milestones, its budget per year and currency, whether it counts as planned today, and its version (for concurrency; also the ETag).");

        g.MapPost("/", async Task<Results<Created<ActionDto>, ValidationProblem, ProblemHttpResult>> (ActionInput input, ActionService service, IStringLocalizer<SharedResource> L, TenantContext tenant, CancellationToken ct) =>
            {
                if (input.LeadDepartmentId is { } lead && !tenant.CanEditDepartment(lead)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var a = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/actions/{a.Id}", await service.ToDtoAsync(a, ct));
            })
            .Requires(Capability.EditActions)
            .WithName("CreateAction").WithSummary("Create an action")
            .WithDescription("A planned action names its objective; a reactive one says who asked (requestedByDepartmentId or requestedBy) and when (requestedOn). "
                             + "The plan, the title in the organization's main language, the modality, the lead department and the status are required; the code is generated (A-001…) when empty. "
                             + "Budget lines without a currency are in the organization's. A focal point creates only actions their department leads (else 403).");

        g.MapPut("/{id:guid}", async Task<Results<Ok<ActionDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, ActionInput input, ActionService service, IStringLocalizer<SharedResource> L, TenantContext tenant, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (!service.CanEdit(a)) return ApiResults.Forbidden(L);
                if (input.LeadDepartmentId is { } lead && !tenant.CanEditDepartment(lead)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(a, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(a, ct));
            })
            .Requires(Capability.EditActions)
            .WithName("UpdateAction").WithSummary("Change an action")
            .WithDescription("Send the whole action with the version you read; if someone changed it since, the answer is 409 with the current values. "
                             + "Milestones match by id (a milestone left out goes to the Trash), budget lines by year and currency. The origin never changes; "
                             + "giving a reactive action an objective attaches it. A focal point changes only their department's actions and cannot hand them to another department (403).");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, ActionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (!service.CanEdit(a)) return ApiResults.Forbidden(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(a, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.EditActions)
            .WithName("DeleteAction").WithSummary("Move an action to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed the action since you read it (409). The action, its milestones and budget lines can be restored from the Trash.");

        g.MapHistory<PolicyAction>()
            .WithName("GetActionHistory").WithSummary("An action's history")
            .WithDescription("Every change of the action: who, when, each field before and after (attaching to an objective shows as ObjectiveId and AttachedOn).");

        g.MapPost("/{id:guid}/attach", async Task<Results<Ok<ActionDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, AttachInput input, ActionService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (!service.CanEdit(a)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateAttachAsync(a, input.ObjectiveId, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.AttachAsync(a, input.ObjectiveId!.Value, input.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(a, ct));
            })
            .Requires(Capability.EditActions)
            .WithName("AttachAction").WithSummary("Attach a reactive action to an objective")
            .WithDescription("A reactive action not yet under an objective is attached to an objective of its plan; it counts as planned from today (attachedOn). "
                             + "Send the version you read: a stale one answers 409 with the current values.");

        return api;
    }

    private static async Task<ActionDto?> CurrentAsync(ActionService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;
}
