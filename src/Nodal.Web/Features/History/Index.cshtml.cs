using Nodal.Web.Features.Account;

namespace Nodal.Web.Features.History;

[Requires(Capability.ReadHistory)]
public sealed class IndexModel(NodalDbContext db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public HistoryFilter Filter { get; set; } = new();
    public PagedList<HistoryItem> List { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A date typed wrongly is dropped (the field shows it), never a 400 for a reader.
        List = await HistorySearch.SearchAsync(db, Filter, ct);
        Items = AccountRules.Localize(List.Items, L);
    }
}
