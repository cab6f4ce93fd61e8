using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Evaluations;

/// <summary>An evaluation with everything it records, and its recommendations with their follow-up.</summary>
public sealed class DetailsModel(EvaluationService evaluations, EvaluationListService list, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Evaluation Evaluation { get; private set; } = null!;
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public EvaluationLookups Lookups { get; private set; } = null!;
    public ScopeRef? Scope { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public DateOnly Today => evaluations.Today;
    public bool CanManage => tenant.Can(Capability.ManageMonitoring);
    public bool CanFollowUp(Recommendation r) => evaluations.CanFollowUp(r);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var e = await evaluations.FindAsync(id, ct);
        if (e is null) return NotFound();
        Evaluation = e;
        Recommendations = await evaluations.RecommendationsAsync(id, ct);
        Lookups = await list.LookupsAsync(e.PlanId, ct);
        Scope = await list.ScopeAsync(e, ct);
        if (tenant.Can(Capability.ReadHistory))
        {
            // The evaluation's own changes and those of its recommendations, removed ones included.
            var children = await db.Recommendations.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(r => r.EvaluationId == id).Select(r => r.Id).ToListAsync(ct);
            History = await HistoryQuery.ForRecordsAsync(db, [id, .. children], ct);
        }
        return Page();
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var e = await evaluations.FindAsync(id, ct);
        if (e is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => evaluations.DeleteAsync(e, version, ct), e.Describe(Languages.Current),
            $"/{tenant.OrganizationSlug}/evaluations/{id}", $"/{tenant.OrganizationSlug}/evaluations");
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostRemoveRecommendationAsync(Guid id, Guid recommendationId, long? version, CancellationToken ct)
    {
        var r = await evaluations.FindRecommendationAsync(id, recommendationId, ct);
        if (r is null) return NotFound();
        var here = $"/{tenant.OrganizationSlug}/evaluations/{id}";
        return await this.MoveToTrashAsync(L, () => evaluations.DeleteRecommendationAsync(r, version, ct),
            Actions.ActionDisplay.Shorten(r.Describe(Languages.Current), 80), here, here + "#recommendations");
    }
}
