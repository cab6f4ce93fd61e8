namespace Nodal.Web.Features.Dashboard;

/// <summary>/{org}/dashboard: the current plan's dashboard (or the newest plan's); with ?mine=1, a focal point's department's own.</summary>
public sealed class IndexModel(DashboardService dashboards, TenantContext tenant) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? mine, CancellationToken ct)
    {
        var org = tenant.OrganizationSlug;
        if (mine is "1" or "true" && tenant.DepartmentId is { } d) return Redirect($"/{org}/departments/{d}/dashboard");
        var plan = await dashboards.CurrentPlanIdAsync(ct);
        return plan is { } p ? Redirect($"/{org}/plans/{p}/dashboard") : Redirect($"/{org}/monitoring");
    }
}
