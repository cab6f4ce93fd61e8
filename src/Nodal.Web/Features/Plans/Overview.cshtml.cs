namespace Nodal.Web.Features.Plans;

/// <summary>A plan's figures: planned or reactive, focused or dispersed, transversal, aligned with the SDGs, on time.</summary>
public sealed class OverviewModel(PlanService plans, PlanFiguresService figures) : PageModel
{
    public StrategicPlan Plan { get; private set; } = null!;
    public PlanFiguresDto Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return NotFound();
        Plan = p;
        Figures = await figures.ComputeAsync(p, ct);
        return Page();
    }
}
