using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Missions;

/// <summary>Adds a mission, visit or event (/missions/new) or changes one (/missions/{id}/edit).</summary>
[Requires(Capability.LogRelations)]
public sealed class EditModel(MissionService missions, RelationLookups relations, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public MissionInput Input { get; set; } = new();
    /// <summary>The delegation as typed: one person per line.</summary>
    [BindProperty] public string? DelegationText { get; set; }
    public Mission? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Mission? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Counterparts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Agreements { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ActionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] MissionKind? kind, CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new MissionInput
            {
                Kind = kind, Status = MissionStatus.Planned, Currency = tenant.Currency,
                LeadDepartmentId = tenant.Can(Capability.ManageRelations) ? null : tenant.DepartmentId,
            };
        }
        else
        {
            var m = await missions.FindAsync(Id.Value, ct);
            if (m is null) return NotFound();
            if (!missions.CanEdit(m)) return Forbid();
            Existing = m;
            Input = MissionInput.From(m);
        }
        DelegationText = string.Join("\n", Input.Delegation);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Mission? m = null;
        if (Id is not null)
        {
            m = await missions.FindAsync(Id.Value, ct);
            if (m is null) return NotFound();
            if (!missions.CanEdit(m)) return Forbid();
            Existing = m;
        }
        if (Input.LeadDepartmentId is { } lead && !missions.CanLead(lead)) return Forbid();
        Input.Delegation = ListText.Split([DelegationText], ListText.Names);
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();

        var validation = await missions.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
            {
                var field = e.PropertyName.StartsWith("Delegation", StringComparison.Ordinal) ? nameof(DelegationText) : $"Input.{e.PropertyName}";
                ModelState.AddModelError(field, e.ErrorMessage);
            }
            return Page();
        }
        if (m is null)
        {
            m = await missions.CreateAsync(Input, ct);
            TempData["Notice"] = L["{0} was added.", m.Title.Get(Languages.Current, tenant.DefaultLanguage)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/missions/{m.Id}");
        }
        try
        {
            await missions.UpdateAsync(m, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await missions.ReloadAsync(m.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["{0} was saved.", m.Title.Get(Languages.Current, tenant.DefaultLanguage)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/missions/{m.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Departments = await relations.DepartmentOptionsAsync(ct, onlyLedByUser: true);
        Counterparts = await relations.CounterpartOptionsAsync(ct);
        Agreements = await relations.AgreementOptionsAsync(ct);
        ActionOptions = await relations.ActionOptionsAsync(ct);
    }
}
