namespace Nodal.Web.Features.Projects;

/// <summary>The cooperation projects: filters, search, sorting and paging, budgets per currency; htmx refreshes only the list.</summary>
public sealed class IndexModel(ProjectListService projects) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProjectListQuery Query { get; set; } = new();
    public ProjectPage Result { get; private set; } = null!;
    public PagedList<ProjectRow> List => Result.List;
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        Result = await projects.ListAsync(Query, ct);
    }

    public IEnumerable<int> Years()
    {
        var now = DateTime.UtcNow.Year;
        var years = Enumerable.Range(now - 10, 14).ToList();
        if (Query.Year is { } y and >= 1950 and <= 2100 && !years.Contains(y)) years.Add(y);
        return years.OrderDescending();
    }
}
