using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Organizations;

/// <summary>Deleted organizations, which site administrators restore with everything they held.</summary>
public sealed class TrashModel(NodalDbContext db, TenantContext tenant, UserManager<NodalUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    public List<Organization> Deleted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await IsSiteAdminAsync()) return Forbid();
        Deleted = await db.Organizations.IgnoreQueryFilters().Where(o => o.DeletedAt != null).OrderByDescending(o => o.DeletedAt).AsNoTracking().ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct)
    {
        if (!await IsSiteAdminAsync()) return Forbid();
        var org = await db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == id && o.DeletedAt != null, ct);
        if (org is null) return NotFound();
        tenant.EnterAsSystem(org.Id);
        org.DeletedAt = null;
        org.DeletedBy = null;
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["The record was restored."].Value;
        return Redirect($"/{org.Slug}");
    }

    private async Task<bool> IsSiteAdminAsync() => (await users.GetUserAsync(User))?.IsSiteAdmin == true;
}
