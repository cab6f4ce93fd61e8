namespace Nodal.Web.Features.Evaluations;

/// <summary>The evaluations: filters, search, sorting and paging; htmx refreshes only the list.</summary>
public sealed class IndexModel(EvaluationListService evaluations) : PageModel
{
    [BindProperty(SupportsGet = true)] public EvaluationListQuery Query { get; set; } = new();
    public PagedList<EvaluationRow> List { get; private set; } = null!;
    public EvaluationLookups Lookups { get; private set; } = null!;
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        Lookups = await evaluations.LookupsAsync(Query.Plan, ct);
        // An unknown plan id lists every plan, like no plan at all.
        Query.Plan = Lookups.PlanId;
        List = await evaluations.ListAsync(Query, ct);
    }

    /// <summary>The years the year filter offers: ten years back, two ahead, and the one asked for.</summary>
    public IEnumerable<int> Years()
    {
        var now = DateTime.UtcNow.Year;
        var years = Enumerable.Range(now - 10, 13).ToList();
        if (Query.Year is { } y and >= 1990 and <= 2100 && !years.Contains(y)) years.Add(y);
        return years.OrderDescending();
    }
}
