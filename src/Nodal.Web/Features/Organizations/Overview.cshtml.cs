
namespace Nodal.Web.Features.Organizations;

public sealed class OverviewModel(NodalDbContext db, OrganizationService orgs) : PageModel
{
    public Organization Org { get; private set; } = null!;
    public int Departments { get; private set; }
    public OfficeYear? LatestYear { get; private set; }
    public Nodal.Core.Policy.StrategicPlan? CurrentPlan { get; private set; }
    public int CurrentPlanActions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Org = await orgs.CurrentAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        LatestYear = await db.OfficeYears.AsNoTracking().OrderByDescending(y => y.Year).FirstOrDefaultAsync(ct);
        CurrentPlan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.IsCurrent, ct);
        if (CurrentPlan is not null) CurrentPlanActions = await db.Actions.CountAsync(a => a.PlanId == CurrentPlan.Id, ct);
    }
}
