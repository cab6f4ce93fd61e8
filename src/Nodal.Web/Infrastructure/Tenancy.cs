using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nodal.Web.Infrastructure;

/// <summary>Declares the capability an endpoint, page or page handler needs in the current organization.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresAttribute(Capability capability) : Attribute
{
    public Capability Capability { get; } = capability;
}

public static class TenancyExtensions
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Capability capability) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresAttribute(capability));

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>
/// Resolves the organization of the request — the {org} segment of a page's URL, or the organization
/// an API token was issued in — and checks the user's membership and the endpoint's capability.
/// Anything outside the user's organizations answers 404, so ids never leak across tenants.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, TenantContext tenant, NodalDbContext db)
    {
        if (ctx.Request.IsApi() && ctx.Request.Headers.Authorization.Count > 0)
        {
            // The API authenticates with tokens only (never the sign-in cookie, so no cross-site writes).
            var result = await ctx.AuthenticateAsync(ApiTokenService.Scheme);
            ctx.User = result.Succeeded ? result.Principal! : new ClaimsPrincipal(new ClaimsIdentity());
        }
        else if (ctx.Request.IsApi())
        {
            ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            tenant.SetUser(userId, user.Identity.Name ?? userId.ToString());

        Guid? orgId = null;
        string? slug = null;
        if (ctx.Request.IsApi())
        {
            if (Guid.TryParse(user.FindFirstValue(ApiTokenService.OrganizationClaim), out var id)) orgId = id;
        }
        else
        {
            slug = ctx.GetRouteValue("org") as string;
        }

        if (orgId is null && slug is null)
        {
            await next(ctx);
            return;
        }

        if (tenant.UserId is null)
        {
            await ctx.ChallengeAsync(ctx.Request.IsApi() ? ApiTokenService.Scheme : IdentityConstants.ApplicationScheme);
            return;
        }

        var found = await (from o in db.Organizations
                           join m in db.Memberships.IgnoreQueryFilters() on o.Id equals m.OrganizationId
                           where m.UserId == tenant.UserId && m.DeletedAt == null && o.DeletedAt == null
                                 && (orgId != null ? o.Id == orgId : o.Slug == slug)
                           select new { o.Id, o.Slug, o.DefaultLanguage, o.Name, o.Currency, m.Role, m.DepartmentId })
            .AsNoTracking().FirstOrDefaultAsync(ctx.RequestAborted);
        if (found is null)
        {
            if (ctx.Request.IsApi())
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The token's organization is not available.").ExecuteAsync(ctx);
            }
            else
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            return;
        }
        tenant.Enter(found.Id, found.Slug, found.Role, found.DepartmentId, found.DefaultLanguage, found.Name, found.Currency);

        foreach (var required in ctx.GetEndpoint()?.Metadata.GetOrderedMetadata<RequiresAttribute>() ?? [])
        {
            if (!tenant.Can(required.Capability))
            {
                await Forbid(ctx);
                return;
            }
        }
        await next(ctx);
    }

    internal static async Task Forbid(HttpContext ctx)
    {
        if (ctx.Request.IsApi())
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Your role does not allow this."]).ExecuteAsync(ctx);
        else
            await ctx.ForbidAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>Checks [Requires] on page handler methods (OnPostDelete…), which endpoint metadata does not carry.</summary>
public sealed class RequiresPageFilter(TenantContext tenant) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var attributes = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(RequiresAttribute), true).Cast<RequiresAttribute>() ?? [];
        if (attributes.Any(a => !tenant.Can(a.Capability)))
        {
            context.Result = new ForbidResult(IdentityConstants.ApplicationScheme);
            return;
        }
        await next();
    }
}
