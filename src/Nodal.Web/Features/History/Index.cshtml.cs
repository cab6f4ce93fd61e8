
namespace Nodal.Web.Features.History;

[Requires(Capability.ReadHistory)]
public sealed class IndexModel(NodalDbContext db) : PageModel
{
    private const int PageSize = 50;
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<HistoryItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public int From => Total == 0 ? 0 : (PageNumber - 1) * PageSize + 1;
    public int To => Math.Min(Total, PageNumber * PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Total = await db.AuditEntries.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Items = rows.Select(HistoryQuery.ToItem).ToList();
    }
}
