using System.Text.RegularExpressions;
using FluentValidation.Results;
using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>Adds an evaluation (/evaluations/new) or changes one (/evaluations/{id}/edit).</summary>
[Requires(Capability.ManageMonitoring)]
public sealed partial class EditModel(EvaluationService evaluations, EvaluationListService list, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public EvaluationInput Input { get; set; } = new();
    public Evaluation? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Evaluation? Current { get; private set; }
    public EvaluationLookups Lookups { get; private set; } = null!;

    /// <summary>/evaluations/new?plan=…&amp;objective=…|action=…|project=… starts there.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? plan, [FromQuery] Guid? objective, [FromQuery] Guid? action, [FromQuery] Guid? project, CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new EvaluationInput
            {
                PlanId = plan ?? await list.CurrentPlanIdAsync(ct),
                Code = await evaluations.NextCodeAsync(ct),
                Status = EvaluationStatus.Planned,
                Evaluators = EvaluatorKind.Internal,
                Scope = objective is not null ? EvaluationScope.Objective : action is not null ? EvaluationScope.Action : project is not null ? EvaluationScope.Project : EvaluationScope.Plan,
                ObjectiveId = objective, ActionId = action, ProjectId = project,
            };
        }
        else
        {
            var e = await evaluations.FindAsync(Id.Value, ct);
            if (e is null) return NotFound();
            Existing = e;
            Input = EvaluationInput.From(e);
        }
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Evaluation? e = null;
        if (Id is not null)
        {
            e = await evaluations.FindAsync(Id.Value, ct);
            if (e is null) return NotFound();
            Existing = e;
        }
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        if (!ModelState.IsValid) return Page();

        var validation = await evaluations.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            AddErrors(validation);
            return Page();
        }
        if (e is null)
        {
            e = await evaluations.CreateAsync(Input, ct);
            TempData["Notice"] = L["The evaluation {0} was added.", e.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/evaluations/{e.Id}");
        }
        try
        {
            await evaluations.UpdateAsync(e, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await evaluations.ReloadAsync(e.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The evaluation {0} was saved.", e.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/evaluations/{e.Id}");
    }

    /// <summary>Each error next to its field; an item's error (Themes[2]) on its list's field.</summary>
    private void AddErrors(ValidationResult validation)
    {
        foreach (var error in validation.Errors)
        {
            var field = ListItemPattern().Match(error.PropertyName) is { Success: true } item ? item.Groups[1].Value : error.PropertyName;
            ModelState.AddModelError($"Input.{field}", error.ErrorMessage);
        }
    }

    [GeneratedRegex(@"^(Themes|SdgTargets)\[\d+\]$")]
    private static partial Regex ListItemPattern();

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
