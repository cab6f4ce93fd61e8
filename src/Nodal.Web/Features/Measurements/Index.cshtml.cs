namespace Nodal.Web.Features.Measurements;

/// <summary>What is due, per department, for a plan: missing, awaiting validation, returned; with the counts per department.</summary>
public sealed class IndexModel(MeasurementDueService due, MeasurementService measurements) : PageModel
{
    [FromQuery(Name = "plan")] public Guid? PlanId { get; set; }
    [FromQuery(Name = "department")] public Guid? DepartmentId { get; set; }
    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];
    public PlanChoice? Plan { get; private set; }
    public IReadOnlyList<(Guid Id, string Code, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<DueDepartment> Rows { get; private set; } = [];
    public DateOnly Today => due.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await due.PlansAsync(ct);
        Plan = MeasurementDueService.Choose(Plans, PlanId);
        Departments = await due.DepartmentsAsync(ct);
        if (DepartmentId is { } d && Departments.All(x => x.Id != d)) DepartmentId = null;
        if (Plan is not null) Rows = await due.ForPlanAsync(Plan.Id, DepartmentId, ct);
    }

    public bool CanEnter(Nodal.Core.Monitoring.Indicator i) => measurements.CanEnter(i);
}
