using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>Adds an agreement (/agreements/new) or changes one (/agreements/{id}/edit).</summary>
[Requires(Capability.ManageRelations)]
public sealed class EditModel(AgreementService agreements, RelationLookups lookups, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public AgreementInput Input { get; set; } = new();
    public Agreement? Existing { get; private set; }
    public Agreement? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Counterparts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new AgreementInput { Kind = AgreementKind.Twinning, Status = AgreementStatus.Draft, Renewal = RenewalTerms.None };
        }
        else
        {
            var a = await agreements.FindAsync(Id.Value, ct);
            if (a is null) return NotFound();
            Existing = a;
            Input = AgreementInput.From(a);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agreement? a = null;
        if (Id is not null)
        {
            a = await agreements.FindAsync(Id.Value, ct);
            if (a is null) return NotFound();
            Existing = a;
            Input.Status = a.Status;
        }
        Input.Subjects = ListText.Split(Input.Subjects, ListText.NamesOrCommas);
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var validation = await agreements.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
            {
                var field = e.PropertyName.StartsWith("Subjects[", StringComparison.Ordinal) ? "Subjects" : e.PropertyName;
                ModelState.AddModelError($"Input.{field}", e.ErrorMessage);
            }
            return Page();
        }
        if (a is null)
        {
            a = await agreements.CreateAsync(Input, ct);
            TempData["Notice"] = L["The agreement {0} was added.", a.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/agreements/{a.Id}");
        }
        try
        {
            await agreements.UpdateAsync(a, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await agreements.ReloadAsync(a.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The agreement {0} was saved.", a.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/agreements/{a.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counterparts = await lookups.CounterpartOptionsAsync(ct);
        Departments = await lookups.DepartmentOptionsAsync(ct);
    }
}
