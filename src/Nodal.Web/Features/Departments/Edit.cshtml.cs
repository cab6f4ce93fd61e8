
namespace Nodal.Web.Features.Departments;

/// <summary>Adds a department (/departments/new) or changes one (/departments/{id}/edit).</summary>
[Requires(Capability.EditOwnDepartment)]
public sealed class EditModel(DepartmentService departments, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public DepartmentInput Input { get; set; } = new();
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Department? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return tenant.Can(Capability.ManageDepartments) ? Page() : Forbid();
        var d = await departments.FindAsync(Id.Value, ct);
        if (d is null) return NotFound();
        if (!tenant.CanEditDepartment(d.Id)) return Forbid();
        Input = DepartmentInput.From(d);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Department? d = null;
        if (Id is null)
        {
            if (!tenant.Can(Capability.ManageDepartments)) return Forbid();
        }
        else
        {
            d = await departments.FindAsync(Id.Value, ct);
            if (d is null) return NotFound();
            if (!tenant.CanEditDepartment(d.Id)) return Forbid();
        }

        var validation = await departments.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        if (d is null)
        {
            d = await departments.CreateAsync(Input, ct);
            TempData["Notice"] = L["The department {0} was added.", d.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/departments/{d.Id}");
        }
        try
        {
            await departments.UpdateAsync(d, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await departments.ReloadAsync(d.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The department {0} was saved.", d.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/departments/{d.Id}");
    }
}
