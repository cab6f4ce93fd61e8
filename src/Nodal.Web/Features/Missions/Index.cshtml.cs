namespace Nodal.Web.Features.Missions;

/// <summary>Missions, visits and events: filters, search, sorting and paging; htmx refreshes only the list.</summary>
public sealed class IndexModel(MissionListService missions) : PageModel
{
    [BindProperty(SupportsGet = true)] public MissionListQuery Query { get; set; } = new();
    public PagedList<MissionRow> List { get; private set; } = null!;
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await missions.ListAsync(Query, ct);
    }

    public IEnumerable<int> Years()
    {
        var now = DateTime.UtcNow.Year;
        var years = Enumerable.Range(now - 6, 9).ToList();
        if (Query.Year is { } y and >= 1900 and <= 2200 && !years.Contains(y)) years.Add(y);
        return years.Order();
    }
}
