using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>
/// Moves a recommendation's follow-up and writes the management response: the office for any recommendation, a
/// focal point for those their department owns.
/// </summary>
public sealed class FollowUpModel(EvaluationService evaluations, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid EvaluationId { get; set; }
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public RecommendationStatusInput Input { get; set; } = new();
    public Evaluation Evaluation { get; private set; } = null!;
    public Recommendation Recommendation { get; private set; } = null!;
    public bool Stale { get; private set; }
    public DateOnly Today => evaluations.Today;

    /// <summary>The statuses offered: the current one (to update the response only) and those it may move to.</summary>
    public IEnumerable<RecommendationStatus> Choices => [Recommendation.Status, .. RecommendationFlow.From(Recommendation.Status)];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var e = await evaluations.FindAsync(EvaluationId, ct);
        var r = e is null ? null : await evaluations.FindRecommendationAsync(EvaluationId, Id, ct);
        if (e is null || r is null) return NotFound();
        if (!evaluations.CanFollowUp(r)) return Forbid();
        Evaluation = e;
        Recommendation = r;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Input = new RecommendationStatusInput
        {
            Status = Recommendation.Status, Response = new(Recommendation.Response.Es, Recommendation.Response.En, Recommendation.Response.Fr),
            DoneOn = Recommendation.DoneOn, Version = Recommendation.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var validation = evaluations.ValidateMove(Recommendation, Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await evaluations.MoveAsync(Recommendation, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await evaluations.ReloadRecommendationAsync(Id, ct);
            if (current is null) return NotFound();
            Recommendation = current;
            Input.Version = current.Version;
            Stale = true;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The recommendation is now “{0}”.", Recommendation.Status.Label(L)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/evaluations/{EvaluationId}#recommendation-{Id}");
    }
}
