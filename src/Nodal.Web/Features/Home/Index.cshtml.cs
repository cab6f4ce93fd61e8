using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Home;

public sealed class IndexModel(NodalDbContext db, UserManager<NodalUser> users) : PageModel
{
    public sealed record OrgLink(string Slug, LocalizedText Name, string DefaultLanguage, OrgRole Role);

    public List<OrgLink> Organizations { get; private set; } = [];
    public bool IsSiteAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return;
        IsSiteAdmin = user.IsSiteAdmin;
        Organizations = await (from m in db.Memberships.IgnoreQueryFilters()
                               join o in db.Organizations on m.OrganizationId equals o.Id
                               where m.UserId == user.Id && m.DeletedAt == null && o.DeletedAt == null
                               orderby o.Slug
                               select new OrgLink(o.Slug, o.Name, o.DefaultLanguage, m.Role)).AsNoTracking().ToListAsync(ct);
    }
}
