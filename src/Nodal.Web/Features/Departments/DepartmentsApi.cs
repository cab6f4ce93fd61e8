using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Departments;

public static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/departments").WithTags("Departments");

        g.MapGet("/", async ([AsParameters] ListQuery query, DepartmentService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(query, ct)))
            .WithName("ListDepartments").WithSummary("List departments")
            .WithDescription("Departments of the token's organization, with search (q), filter (filter=with-focal-point|without-focal-point), sorting (sort=name|code|email, dir=asc|desc) and paging (page, pageSize ≤ 200).");

        g.MapGet("/{id:guid}", async Task<Results<Ok<DepartmentDto>, NotFound<ProblemDetails>>> (Guid id, DepartmentService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var d = await service.FindAsync(id, ct);
                if (d is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{d.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(d, ct));
            })
            .WithName("GetDepartment").WithSummary("Get a department").WithDescription("One department with its names in es/en/fr, its focal points and its version (for concurrency).");

        g.MapPost("/", async Task<Results<Created<DepartmentDto>, ValidationProblem>> (DepartmentInput input, DepartmentService service, IStringLocalizer<SharedResource> L, TenantContext tenant, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var d = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/departments/{d.Id}", await service.ToDtoAsync(d, ct));
            })
            .Requires(Capability.ManageDepartments)
            .WithName("CreateDepartment").WithSummary("Create a department").WithDescription("The name in the organization's main language and a unique code are required.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<DepartmentDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, DepartmentInput input, DepartmentService service, IStringLocalizer<SharedResource> L, TenantContext tenant, CancellationToken ct) =>
            {
                var d = await service.FindAsync(id, ct);
                if (d is null) return ApiResults.NotFound(L);
                if (!tenant.CanEditDepartment(d.Id)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(d, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Ok(await service.ToDtoAsync(d, ct));
            })
            .Requires(Capability.EditOwnDepartment)
            .WithName("UpdateDepartment").WithSummary("Change a department")
            .WithDescription("Send the version you read; if someone changed the department since, the answer is 409 with the current values.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, DepartmentService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var d = await service.FindAsync(id, ct);
                if (d is null) return ApiResults.NotFound(L);
                try
                {
                    await service.DeleteAsync(d, version, ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return ApiResults.Conflict(L, null);
                }
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageDepartments)
            .WithName("DeleteDepartment").WithSummary("Move a department to the Trash").WithDescription("The department can be restored from the Trash.");

        g.MapHistory<Department>()
            .WithName("GetDepartmentHistory").WithSummary("A department's history").WithDescription("Every change: who, when, each field before and after.");

        return api;
    }

    private static async Task<DepartmentDto?> CurrentAsync(DepartmentService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;
}
