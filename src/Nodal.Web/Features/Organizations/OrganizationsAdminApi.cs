using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Features.Organizations;

/// <summary>
/// Creating and deleting organizations through the API, for site administrators only.
/// A token is issued inside one organization, but these calls act on the platform, not inside it: what authorizes
/// them is the token's user being a site administrator, read from the database on every call (so taking the flag
/// away takes effect at once), whatever their role in the token's organization. Anyone else gets 403, whether or
/// not the organization exists.
/// </summary>
public static class OrganizationsAdminApi
{
    public static RouteGroupBuilder MapOrganizationsAdminApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organizations").WithTags("Organization");

        g.MapGet("/{id:guid}", async Task<Results<Ok<OrganizationDto>, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!await IsSiteAdminAsync(db, tenant, ct)) return ApiResults.Forbidden(L);
                var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
                return org is null ? ApiResults.NotFound(L) : TypedResults.Ok(OrganizationDto.From(org));
            })
            .WithName("GetAnyOrganization").WithSummary("Get any organization's profile (site administrators)")
            .WithDescription("For site administrators: the profile of any organization that is not in the Trash. Others get 403.");

        g.MapPost("/", async Task<Results<Created<OrganizationDto>, ValidationProblem, ProblemHttpResult>> (OrganizationInput input, NodalDbContext db, TenantContext tenant, OrganizationService orgs, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!await IsSiteAdminAsync(db, tenant, ct)) return ApiResults.Forbidden(L);
                var validation = await orgs.ValidateAsync(input, creating: true, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var org = new Organization();
                input.ApplyTo(org, includeSlug: true);
                // As on the site administrators' page: the creator becomes the new organization's first administrator,
                // so they can sign in to it and issue tokens in it.
                tenant.Enter(org.Id, org.Slug, OrgRole.Administrator, null, org.DefaultLanguage, org.Name, org.Currency);
                db.Organizations.Add(org);
                db.Memberships.Add(new Membership { OrganizationId = org.Id, UserId = tenant.UserId!.Value, Role = OrgRole.Administrator, Person = tenant.UserName });
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/organizations/{org.Id}", OrganizationDto.From(org));
            })
            .WithName("CreateOrganization").WithSummary("Create an organization (site administrators)")
            .WithDescription("For site administrators only (403 otherwise), whatever the token's organization. slug is the organization's "
                             + "segment in every URL (2 to 63 lowercase letters, digits and hyphens, unique); name needs the main language. "
                             + "The token's user becomes the new organization's administrator. Invalid fields answer 400 with field errors.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!await IsSiteAdminAsync(db, tenant, ct)) return ApiResults.Forbidden(L);
                var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
                if (org is null) return ApiResults.NotFound(L);
                // An organization is changed from inside itself; the site administrator stays the author in its history.
                tenant.EnterAsSystem(org.Id);
                if (version is { } v) db.ExpectVersion(org, v);
                db.Organizations.Remove(org);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear();
                    var current = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
                    return ApiResults.Conflict(L, current is null ? null : OrganizationDto.From(current));
                }
                return TypedResults.NoContent();
            })
            .WithName("DeleteOrganization").WithSummary("Move an organization to the Trash (site administrators)")
            .WithDescription("For site administrators only (403 otherwise). The organization and everything it holds stay in the database: "
                             + "its members lose access at once, and a site administrator restores it from the organizations' Trash page. "
                             + "Send the version you read to refuse (409) when someone changed it since. Deleting the token's own organization "
                             + "also ends the token's use.");
        return api;
    }

    private static Task<bool> IsSiteAdminAsync(NodalDbContext db, TenantContext tenant, CancellationToken ct) =>
        tenant.UserId is { } userId ? db.Users.AnyAsync(u => u.Id == userId && u.IsSiteAdmin, ct) : Task.FromResult(false);
}
