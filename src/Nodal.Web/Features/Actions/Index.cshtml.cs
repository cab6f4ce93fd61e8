namespace Nodal.Web.Features.Actions;

/// <summary>The actions of a plan: filters, search, sorting and paging; htmx refreshes only the list.</summary>
public sealed class IndexModel(ActionListService actions) : PageModel
{
    [BindProperty(SupportsGet = true)] public ActionListQuery Query { get; set; } = new();
    public PagedList<ActionRow> List { get; private set; } = null!;
    public ActionLookups Lookups { get; private set; } = null!;
    /// <summary>An htmx search refreshes only the list.</summary>
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        Lookups = await actions.LookupsAsync(Query.Plan, ct);
        // An unknown plan id shows the current plan, like no plan at all.
        Query.Plan = Lookups.PlanId;
        List = await actions.ListAsync(Query, ct);
    }

    /// <summary>The years the year filter offers: the plan's horizon, this year, and the one asked for.</summary>
    public IEnumerable<int> Years()
    {
        var now = DateTime.UtcNow.Year;
        var plan = Lookups.Plan;
        var from = Math.Min(plan?.StartYear ?? now - 5, now);
        var to = Math.Max(plan?.EndYear ?? now + 2, now);
        var years = Enumerable.Range(from, Math.Clamp(to - from + 1, 1, 60)).ToList();
        if (Query.Year is { } y and >= 1990 and <= 2100 && !years.Contains(y)) years.Add(y);
        return years.Order();
    }
}
