using Nodal.Core.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>The agreements: filters (kind, status, party country, dormant, expiring), search, sorting and paging.</summary>
public sealed class IndexModel(AgreementListService agreements) : PageModel
{
    [BindProperty(SupportsGet = true)] public AgreementListQuery Query { get; set; } = new();
    public PagedList<AgreementRow> List { get; private set; } = null!;
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await agreements.ListAsync(Query, ct);
    }
}
