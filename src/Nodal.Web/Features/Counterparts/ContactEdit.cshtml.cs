using Nodal.Core.Relations;

namespace Nodal.Web.Features.Counterparts;

/// <summary>Adds a contact person to a counterpart or changes one; only for roles that manage relations and see contacts.</summary>
[Requires(Capability.ManageRelations)]
public sealed class ContactEditModel(CounterpartService counterparts, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid CounterpartId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public ContactInput Input { get; set; } = new();
    public Counterpart Counterpart { get; private set; } = null!;
    public Contact? Existing { get; private set; }
    public Contact? Current { get; private set; }

    private string Back => $"/{tenant.OrganizationSlug}/counterparts/{CounterpartId}#contacts";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await counterparts.FindAsync(CounterpartId, ct) is not { } c) return false;
        Counterpart = c;
        if (Id is { } id && (Existing = await counterparts.FindContactAsync(CounterpartId, id, ct)) is null) return false;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!tenant.Can(Capability.ReadContacts)) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is not null) Input = ContactInput.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!tenant.Can(Capability.ReadContacts)) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await counterparts.ValidateContactAsync(Input, Existing is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        if (Existing is null)
        {
            var added = await counterparts.AddContactAsync(CounterpartId, Input, ct);
            TempData["Notice"] = L["The contact {0} was added.", added.Name].Value;
            return Redirect(Back);
        }
        try
        {
            await counterparts.UpdateContactAsync(Existing, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await counterparts.ReloadContactAsync(Existing.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The contact {0} was saved.", Existing.Name].Value;
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        if (!tenant.Can(Capability.ReadContacts)) return Forbid();
        if (!await LoadAsync(ct) || Existing is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => counterparts.DeleteContactAsync(Existing, version, ct), Existing.Name, Back, Back);
    }
}
