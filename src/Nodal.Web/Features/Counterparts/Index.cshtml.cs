namespace Nodal.Web.Features.Counterparts;

/// <summary>The counterparts: filters, search, sorting and paging; htmx refreshes only the list.</summary>
public sealed class IndexModel(CounterpartListService counterparts) : PageModel
{
    [BindProperty(SupportsGet = true)] public CounterpartListQuery Query { get; set; } = new();
    public PagedList<CounterpartRow> List { get; private set; } = null!;
    /// <summary>An htmx search refreshes only the list.</summary>
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await counterparts.ListAsync(Query, ct);
    }
}
