namespace Nodal.Web.Features.Dashboard;

/// <summary>A department's own dashboard on the current plan (or ?plan=).</summary>
public sealed class DepartmentModel(DepartmentDashboardService departments, DashboardService dashboards, Nodal.Web.Features.Plans.PlanService plans) : PageModel
{
    public DepartmentDashboard Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? plan, CancellationToken ct)
    {
        var planId = plan ?? await dashboards.CurrentPlanIdAsync(ct);
        if (planId is null) return NotFound();
        var p = await plans.FindAsync(planId.Value, ct);
        if (p is null) return NotFound();
        var d = await departments.ComputeAsync(id, p, ct);
        if (d is null) return NotFound();
        Dashboard = d;
        return Page();
    }
}
