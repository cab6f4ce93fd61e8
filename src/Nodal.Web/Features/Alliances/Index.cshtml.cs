namespace Nodal.Web.Features.Alliances;

/// <summary>City alliances and declarations adhered to: search, sorting by date or title, paging; htmx refreshes only the list.</summary>
public sealed class IndexModel(AllianceService alliances) : PageModel
{
    [BindProperty(SupportsGet = true)] public AllianceListQuery Query { get; set; } = new();
    public PagedList<AllianceRow> List { get; private set; } = null!;
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await alliances.ListAsync(Query, ct);
    }
}
