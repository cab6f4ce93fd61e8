using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Relations;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Memberships;

public sealed record MembershipRow(Guid Id, Guid NetworkId, string Network, string? Acronym, DateOnly? Since, DateOnly? Until, bool Current,
    NetworkRole? CurrentRole, decimal? AnnualFee, string Currency, DateOnly? NextReportDue);

public static class MembershipsApi
{
    /// <summary>The memberships with their network, current role and next report due; filter current or past.</summary>
    public static async Task<IReadOnlyList<MembershipRow>> ListAsync(NodalDbContext db, DateOnly today, string? filter, CancellationToken ct)
    {
        var rows = await (from m in db.NetworkMemberships.AsNoTracking()
                          join n in db.Counterparts.AsNoTracking() on m.NetworkId equals n.Id into nets
                          from n in nets.DefaultIfEmpty()
                          select new { m.Id, m.NetworkId, Name = n == null ? "?" : n.Name, Acronym = n == null ? null : n.Acronym, m.Since, m.Until, m.AnnualFee, m.Currency })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.NetworkRoles.AsNoTracking().Where(r => ids.Contains(r.MembershipId) && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => new { r.MembershipId, r.Role, r.From }).ToListAsync(ct);
        var reports = await db.MembershipReports.AsNoTracking().Where(r => ids.Contains(r.MembershipId) && r.SubmittedOn == null)
            .GroupBy(r => r.MembershipId).Select(g => new { Id = g.Key, Due = g.Min(r => r.Due) }).ToListAsync(ct);
        var list = rows.Select(r => new MembershipRow(r.Id, r.NetworkId, r.Name, r.Acronym, r.Since, r.Until, r.Until is null || r.Until >= today,
                roles.Where(x => x.MembershipId == r.Id).OrderByDescending(x => x.From).Select(x => (NetworkRole?)x.Role).FirstOrDefault(),
                r.AnnualFee, r.Currency, reports.FirstOrDefault(x => x.Id == r.Id)?.Due))
            .Where(r => filter switch { "current" => r.Current, "past" => !r.Current, _ => true })
            .OrderBy(r => r.Network, StringComparer.CurrentCultureIgnoreCase).ToList();
        return list;
    }

    public static RouteGroupBuilder MapMembershipsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/memberships").WithTags("Networks");

        g.MapGet("/", async (string? filter, NodalDbContext db, MembershipService service, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, service.Today, filter, ct)))
            .WithName("ListMemberships").WithSummary("List network memberships")
            .WithDescription("Every membership with its network, period, current role, annual fee and next report due; filter=current|past.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<MembershipDto>, NotFound<ProblemDetails>>> (Guid id, MembershipService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{m.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(m, ct));
            })
            .WithName("GetMembership").WithSummary("Get a membership with its roles and reports");

        g.MapPost("/", async Task<Results<Created<MembershipDto>, ValidationProblem>> (MembershipInput input, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var m = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/memberships/{m.Id}", await service.ToDtoAsync(m, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("CreateMembership").WithSummary("Create a membership")
            .WithDescription("networkId names a counterpart of kind CityNetwork; until cannot come before since.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<MembershipDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, MembershipInput input, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(m, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Ok(await service.ToDtoAsync(m, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateMembership").WithSummary("Change a membership")
            .WithDescription("Send the version you read; a stale one answers 409 with the current values. Roles and reports are changed through their own routes.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(m, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteMembership").WithSummary("Move a membership to the Trash");

        g.MapPost("/{id:guid}/roles", async Task<Results<Created<RoleDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid id, RoleInput input, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var validation = await new RoleValidator(L).ValidateAsync(input, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var r = await service.AddRoleAsync(m, input, ct);
                return TypedResults.Created($"/api/v1/memberships/{id}", new RoleDto(r.Id, r.Role, r.From, r.To, r.Detail));
            })
            .Requires(Capability.ManageRelations)
            .WithName("AddMembershipRole").WithSummary("Add a role held in the network")
            .WithDescription("role, from and optionally to (not before from) and detail.");

        g.MapDelete("/{id:guid}/roles/{roleId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, Guid roleId, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var r = await service.FindRoleAsync(id, roleId, ct);
                if (r is null) return ApiResults.NotFound(L);
                await service.RemoveAsync(r, ct);
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteMembershipRole").WithSummary("Remove a role held");

        g.MapPost("/{id:guid}/reports", async Task<Results<Created<ReportDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid id, ReportInput input, MembershipService service, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var validation = await new ReportValidator(L, tenant.DefaultLanguage).ValidateAsync(input, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var r = await service.AddReportAsync(m, input, ct);
                return TypedResults.Created($"/api/v1/memberships/{id}", new ReportDto(r.Id, r.Title, r.Due, r.SubmittedOn));
            })
            .Requires(Capability.ManageRelations)
            .WithName("AddMembershipReport").WithSummary("Add a report due to the network");

        g.MapPost("/{id:guid}/reports/{reportId:guid}/submitted", async Task<Results<Ok<ReportDto>, NotFound<ProblemDetails>>> (Guid id, Guid reportId, DateOnly? on, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var r = await service.FindReportAsync(id, reportId, ct);
                if (r is null) return ApiResults.NotFound(L);
                await service.MarkSubmittedAsync(r, on, ct);
                return TypedResults.Ok(new ReportDto(r.Id, r.Title, r.Due, r.SubmittedOn));
            })
            .Requires(Capability.ManageRelations)
            .WithName("SubmitMembershipReport").WithSummary("Mark a report submitted")
            .WithDescription("On ?on= (ISO date), today by default.");

        g.MapDelete("/{id:guid}/reports/{reportId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, Guid reportId, MembershipService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var r = await service.FindReportAsync(id, reportId, ct);
                if (r is null) return ApiResults.NotFound(L);
                await service.RemoveAsync(r, ct);
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteMembershipReport").WithSummary("Remove a report");

        g.MapHistory<NetworkMembership>()
            .WithName("GetMembershipHistory").WithSummary("A membership's history");
        return api;
    }

    private static async Task<MembershipDto?> CurrentAsync(MembershipService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;
}
