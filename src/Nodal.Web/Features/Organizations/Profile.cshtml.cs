using Microsoft.AspNetCore.Identity;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Organizations;

public sealed class ProfileModel(NodalDbContext db, OrganizationService orgs, TenantContext tenant, UserManager<NodalUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    public Organization Org { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool IsSiteAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Org = await orgs.CurrentAsync(ct);
        IsSiteAdmin = (await users.GetUserAsync(User))?.IsSiteAdmin == true;
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, Org.Id, ct);
    }

    /// <summary>Site administrators delete an organization; it goes to the organizations' Trash.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long version, CancellationToken ct)
    {
        if ((await users.GetUserAsync(User))?.IsSiteAdmin != true) return Forbid();
        var org = await orgs.CurrentAsync(ct);
        db.ExpectVersion(org, version);
        db.Organizations.Remove(org);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it before deleting."].Value;
            return Redirect($"/{org.Slug}/profile");
        }
        TempData["Notice"] = L["{0} was moved to the Trash. You can restore it from there.", org.DisplayName(Languages.Current)].Value;
        return Redirect("/organizations/trash");
    }
}
