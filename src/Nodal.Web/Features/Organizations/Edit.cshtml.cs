
namespace Nodal.Web.Features.Organizations;

[Requires(Capability.ManageOrganization)]
public sealed class EditModel(NodalDbContext db, OrganizationService orgs, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    public Organization? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Input = OrganizationInput.From(await orgs.CurrentAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var org = await orgs.CurrentAsync(ct);
        var validation = await orgs.ValidateAsync(Input, creating: false, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await orgs.UpdateAsync(org, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == org.Id, ct);
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The profile was saved."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/profile");
    }
}
