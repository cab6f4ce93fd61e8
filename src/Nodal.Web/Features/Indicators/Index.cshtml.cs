namespace Nodal.Web.Features.Indicators;

/// <summary>The indicators of a plan: filters, search, sorting and paging, each with its latest validated value and light; htmx refreshes only the list.</summary>
public sealed class IndexModel(IndicatorListService indicators) : PageModel
{
    [BindProperty(SupportsGet = true)] public IndicatorListQuery Query { get; set; } = new();
    public PagedList<IndicatorRow> List { get; private set; } = null!;
    public IndicatorLookups Lookups { get; private set; } = null!;
    /// <summary>The plan's objectives that no indicator measures.</summary>
    public IReadOnlyList<IndicatorObjective> Unmeasured { get; private set; } = [];
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        Lookups = await indicators.LookupsAsync(Query.Plan, ct);
        // An unknown plan id shows the current plan, like no plan at all.
        Query.Plan = Lookups.PlanId;
        List = await indicators.ListAsync(Query, ct);
        if (Lookups.PlanId is { } plan) Unmeasured = await indicators.ObjectivesWithoutIndicatorAsync(plan, ct);
    }
}
