
namespace Nodal.Web.Features.Departments;

public sealed class IndexModel(DepartmentService departments) : PageModel
{
    [BindProperty(SupportsGet = true)] public ListQuery Query { get; set; } = new();
    public PagedList<DepartmentRow> List { get; private set; } = null!;
    /// <summary>An htmx search refreshes only the table.</summary>
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await departments.ListAsync(Query, ct);
    }
}
