using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Missions;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Alliances;

/// <summary>Adds an alliance or declaration (/alliances/new) or changes one (/alliances/{id}/edit).</summary>
[Requires(Capability.ManageRelations)]
public sealed class EditModel(AllianceService alliances, RelationLookups relations, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public AllianceInput Input { get; set; } = new();
    /// <summary>The other co-signatories as typed: one name per line.</summary>
    [BindProperty] public string? OtherCoSignatoriesText { get; set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Alliance? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Counterparts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Networks { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ActionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var a = await alliances.FindAsync(id, ct);
            if (a is null) return NotFound();
            Input = AllianceInput.From(a);
        }
        OtherCoSignatoriesText = string.Join("\n", Input.OtherCoSignatories);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Alliance? a = null;
        if (Id is { } id)
        {
            a = await alliances.FindAsync(id, ct);
            if (a is null) return NotFound();
        }
        Input.OtherCoSignatories = ListText.Split([OtherCoSignatoriesText], ListText.Names);
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();

        var validation = await alliances.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
            {
                var field = e.PropertyName.StartsWith("OtherCoSignatories", StringComparison.Ordinal) ? nameof(OtherCoSignatoriesText) : $"Input.{e.PropertyName}";
                ModelState.AddModelError(field, e.ErrorMessage);
            }
            return Page();
        }
        var title = Input.Title.Get(Languages.Current, tenant.DefaultLanguage);
        if (a is null)
        {
            a = await alliances.CreateAsync(Input, ct);
            TempData["Notice"] = L["{0} was added.", title].Value;
            return Redirect($"/{tenant.OrganizationSlug}/alliances/{a.Id}");
        }
        try
        {
            await alliances.UpdateAsync(a, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await alliances.ReloadAsync(a.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["{0} was saved.", title].Value;
        return Redirect($"/{tenant.OrganizationSlug}/alliances/{a.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counterparts = await relations.CounterpartOptionsAsync(ct);
        Networks = await relations.CounterpartOptionsAsync(ct, CounterpartKind.CityNetwork);
        ActionOptions = await relations.ActionOptionsAsync(ct);
    }
}
