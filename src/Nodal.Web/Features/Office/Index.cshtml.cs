
namespace Nodal.Web.Features.Office;

public sealed class IndexModel(OfficeService office) : PageModel
{
    public List<OfficeUnit> Units { get; private set; } = [];
    public List<OfficeYear> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await office.UnitsAsync(ct);
        Years = await office.YearsAsync(ct);
    }
}
