using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Organizations;

/// <summary>Site administrators create organizations; the creator becomes its first administrator.</summary>
public sealed class NewModel(NodalDbContext db, OrganizationService orgs, TenantContext tenant, UserManager<NodalUser> users) : PageModel
{
    [BindProperty] public OrganizationInput Input { get; set; } = new() { WorkingLanguages = ["es", "en", "fr"], DefaultLanguage = "es", Currency = "EUR" };

    public async Task<IActionResult> OnGetAsync() => await IsSiteAdminAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsSiteAdminAsync()) return Forbid();
        var validation = await orgs.ValidateAsync(Input, creating: true, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        var org = new Organization();
        Input.ApplyTo(org, includeSlug: true);
        tenant.Enter(org.Id, org.Slug, OrgRole.Administrator, null, org.DefaultLanguage, org.Name, org.Currency);
        db.Organizations.Add(org);
        db.Memberships.Add(new Membership { OrganizationId = org.Id, UserId = user.Id, Role = OrgRole.Administrator, Person = user.Email });
        await db.SaveChangesAsync(ct);
        return Redirect($"/{org.Slug}");
    }

    private async Task<bool> IsSiteAdminAsync() => (await users.GetUserAsync(User))?.IsSiteAdmin == true;
}
