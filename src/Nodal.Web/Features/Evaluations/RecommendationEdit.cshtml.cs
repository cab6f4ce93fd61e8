using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>Adds a recommendation to an evaluation (…/recommendations/new) or changes one (…/recommendations/{id}/edit).</summary>
[Requires(Capability.ManageMonitoring)]
public sealed class RecommendationEditModel(EvaluationService evaluations, EvaluationListService list, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid EvaluationId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public RecommendationInput Input { get; set; } = new();
    public Evaluation Evaluation { get; private set; } = null!;
    public Recommendation? Existing { get; private set; }
    public bool Stale { get; private set; }
    public EvaluationLookups Lookups { get; private set; } = null!;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var e = await evaluations.FindAsync(EvaluationId, ct);
        if (e is null) return false;
        Evaluation = e;
        if (Id is { } id)
        {
            Existing = await evaluations.FindRecommendationAsync(EvaluationId, id, ct);
            if (Existing is null) return false;
        }
        Lookups = await list.LookupsAsync(null, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } r)
            Input = new RecommendationInput { Text = new(r.Text.Es, r.Text.En, r.Text.Fr), OwnerDepartmentId = r.OwnerDepartmentId, Due = r.Due, SortOrder = r.SortOrder, Version = r.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await evaluations.ValidateRecommendationAsync(Input, Existing is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        var back = $"/{tenant.OrganizationSlug}/evaluations/{EvaluationId}#recommendations";
        if (Existing is null)
        {
            await evaluations.AddRecommendationAsync(Evaluation, Input, ct);
            TempData["Notice"] = L["The recommendation was added."].Value;
            return Redirect(back);
        }
        try
        {
            await evaluations.UpdateRecommendationAsync(Existing, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await evaluations.ReloadRecommendationAsync(Existing.Id, ct);
            if (current is null) return NotFound();
            Existing = current;
            Input.Version = current.Version;
            Stale = true;
            Lookups = await list.LookupsAsync(null, ct);
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The recommendation was saved."].Value;
        return Redirect(back);
    }
}
