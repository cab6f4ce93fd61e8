using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace Nodal.Web.Features.Actions;

/// <summary>Adds an action (/actions/new) or changes one (/actions/{id}/edit).</summary>
[Requires(Capability.EditActions)]
public sealed partial class EditModel(ActionService actions, ActionListService list, Nodal.Web.Features.Relations.RelationLookups relations, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int BlankMilestones = 2;
    public const int BlankBudgets = 3;

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public ActionInput Input { get; set; } = new();
    /// <summary>The action being changed (null when adding one).</summary>
    public PolicyAction? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public PolicyAction? Current { get; private set; }
    public ActionLookups Lookups { get; private set; } = null!;
    /// <summary>Options of the links to the relations registry.</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> CounterpartOptions { get; private set; } = [];
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> AgreementOptions { get; private set; } = [];
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ProjectOptions { get; private set; } = [];

    private async Task LoadRelationOptionsAsync(CancellationToken ct)
    {
        CounterpartOptions = await relations.CounterpartOptionsAsync(ct);
        AgreementOptions = await relations.AgreementOptionsAsync(ct);
        ProjectOptions = await relations.ProjectOptionsAsync(ct);
    }

    /// <summary>Focal points lead only their own department's actions.</summary>
    public IEnumerable<DepartmentChoice> LeadChoices =>
        Lookups.Departments.Where(d => tenant.CanEditDepartment(d.Id));

    /// <summary>Opened from a plan or an objective: /actions/new?plan=…&amp;objective=… starts there.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? plan, [FromQuery] Guid? objective, CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new ActionInput
            {
                PlanId = plan ?? await list.CurrentPlanIdAsync(ct),
                Status = ActionStatus.Planned,
                LeadDepartmentId = tenant.Can(Capability.ManageDepartments) ? null : tenant.DepartmentId,
            };
            if (objective is not null)
            {
                Input.Origin = ActionOrigin.Planned;
                Input.ObjectiveId = objective;
            }
        }
        else
        {
            var a = await actions.FindAsync(Id.Value, ct);
            if (a is null) return NotFound();
            if (!actions.CanEdit(a)) return Forbid();
            Existing = a;
            var (milestones, budgets) = await actions.ChildrenAsync(a.Id, ct);
            Input = ActionInput.From(a, milestones, budgets, tenant.DefaultLanguage);
        }
        AddBlankRows();
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        await LoadRelationOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PolicyAction? a = null;
        if (Id is not null)
        {
            a = await actions.FindAsync(Id.Value, ct);
            if (a is null) return NotFound();
            if (!actions.CanEdit(a)) return Forbid();
            Existing = a;
            Input.Origin = a.Origin;
        }
        Input.Milestones = Input.Milestones.Select(m => m ?? new MilestoneInput()).ToList();
        Input.Budgets = Input.Budgets.Select(b => b ?? new BudgetInput()).ToList();
        // Partners, countries, cities and SDG targets arrive as comma-separated text.
        Input.Partners = ListText.Split(Input.Partners, ListText.NamesOrCommas);
        Input.Countries = ListText.Split(Input.Countries, ListText.NamesOrCommas);
        Input.Cities = ListText.Split(Input.Cities, ListText.NamesOrCommas);
        Input.SdgTargets = ListText.Split(Input.SdgTargets, ListText.NamesOrCommas);
        if (a is null)
        {
            // Without JavaScript both origins' fields are shown: keep only those of the origin chosen.
            if (Input.Origin == ActionOrigin.Reactive) Input.ObjectiveId = null;
            if (Input.Origin == ActionOrigin.Planned) { Input.RequestedBy = null; Input.RequestedByDepartmentId = null; Input.RequestedOn = null; }
        }
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        await LoadRelationOptionsAsync(ct);
        if (!ModelState.IsValid)
        {
            AddBlankRows(onlyMissing: true);
            return Page();
        }

        // Validation drops blank rows: remember where each kept row sat in the form, to put its errors there.
        var formMilestones = Input.Milestones;
        var formBudgets = Input.Budgets;
        var keptMilestones = formMilestones.Select((m, i) => (m, i)).Where(x => x.m is not null && (!string.IsNullOrWhiteSpace(x.m.Title) || x.m.Due is not null || x.m.DoneOn is not null)).Select(x => x.i).ToList();
        var keptBudgets = formBudgets.Select((b, i) => (b, i)).Where(x => x.b is not null && (x.b.Year is not null || x.b.Planned is not null || x.b.Spent is not null)).Select(x => x.i).ToList();
        void RestoreRows()
        {
            Input.Milestones = formMilestones;
            Input.Budgets = formBudgets;
            AddBlankRows(onlyMissing: true);
        }

        var validation = await actions.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            AddErrors(validation, keptMilestones, keptBudgets);
            RestoreRows();
            return Page();
        }

        if (a is null)
        {
            a = await actions.CreateAsync(Input, ct);
            TempData["Notice"] = L["The action {0} was added.", a.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/actions/{a.Id}");
        }
        try
        {
            await actions.UpdateAsync(a, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await actions.ReloadAsync(a.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            RestoreRows();
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The action {0} was saved.", a.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/actions/{a.Id}");
    }

    /// <summary>Empty rows to type new milestones and budget lines in (after the rows the form sent back, when <paramref name="onlyMissing"/>).</summary>
    private void AddBlankRows(bool onlyMissing = false)
    {
        var milestones = onlyMissing ? BlankMilestones - Input.Milestones.Count(m => m is null || string.IsNullOrWhiteSpace(m.Title) && m.Due is null && m.DoneOn is null) : BlankMilestones;
        for (var i = 0; i < milestones; i++) Input.Milestones.Add(new MilestoneInput());
        var budgets = onlyMissing ? BlankBudgets - Input.Budgets.Count(b => b is null || b.Year is null && b.Planned is null && b.Spent is null) : BlankBudgets;
        for (var i = 0; i < budgets; i++) Input.Budgets.Add(new BudgetInput { Currency = tenant.Currency });
    }

    /// <summary>Each error next to its field: row errors on the row the user typed, list errors on the list's text field.</summary>
    private void AddErrors(ValidationResult validation, List<int> keptMilestones, List<int> keptBudgets)
    {
        foreach (var e in validation.Errors)
        {
            var field = e.PropertyName;
            var row = RowPattern().Match(field);
            if (row.Success)
            {
                var kept = row.Groups[1].Value == nameof(ActionInput.Milestones) ? keptMilestones : keptBudgets;
                var index = int.Parse(row.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                field = $"{row.Groups[1].Value}[{(index < kept.Count ? kept[index] : index)}]{row.Groups[3].Value}";
            }
            else if (ListItemPattern().Match(field) is { Success: true } item)
            {
                field = item.Groups[1].Value;
            }
            ModelState.AddModelError($"Input.{field}", e.ErrorMessage);
        }
    }

    [GeneratedRegex(@"^(Milestones|Budgets)\[(\d+)\](.*)$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^(Partners|Countries|Cities|SdgTargets)\[\d+\]$")]
    private static partial Regex ListItemPattern();

    /// <summary>The first error of a field, for the fields the page writes by hand (radios).</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
