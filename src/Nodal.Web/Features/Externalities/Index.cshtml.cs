using Nodal.Web.Features.Actions;

namespace Nodal.Web.Features.Externalities;

/// <summary>What the watch partial draws: the rows, an id for the table, and whether its caption shows.</summary>
public sealed record ExternalityWatchModel(IReadOnlyList<ExternalityWatchRow> Rows, string Id = "externalities", bool ShowCaption = false);

/// <summary>The negative externalities of a plan, filtered by kind and state, with the summary of their states; everyone reads.</summary>
public sealed class IndexModel(ExternalityService service, ExternalityWatch watch, ActionListService lookups) : PageModel
{
    [BindProperty(SupportsGet = true)] public ExternalityListQuery Query { get; set; } = new();
    public ActionLookups Lookups { get; private set; } = null!;
    public IReadOnlyList<ExternalityWatchRow> Rows { get; private set; } = [];
    public ExternalitySummary Summary { get; private set; } = new(0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var plan = Query.Plan ?? await service.CurrentPlanIdAsync(ct);
        Lookups = await lookups.LookupsAsync(plan, ct);
        plan = Lookups.Plans.Any(p => p.Id == plan) ? plan : null;
        Query.Plan = plan;
        if (plan is { } p) Rows = await watch.RowsAsync(p, Query.Kind, Query.State, ct);
        Summary = ExternalityWatch.Summarize(Rows);
    }
}
