namespace Nodal.Web.Features.Plans;

public sealed class IndexModel(PlanService plans) : PageModel
{
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await plans.ListAsync(ct);
}
