using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Home;

/// <summary>The organizations a user belongs to: searched and paged when there are many.</summary>
public sealed class IndexModel(NodalDbContext db, UserManager<NodalUser> users) : PageModel
{
    public sealed record OrgLink(string Slug, LocalizedText Name, string DefaultLanguage, OrgRole Role);

    /// <summary>The search box shows from this many organizations on.</summary>
    public const int SearchFrom = 10;

    [BindProperty(SupportsGet = true)] public ListQuery Query { get; set; } = new();
    public PagedList<OrgLink> Organizations { get; private set; } = new([], 0, 1, 20, null, false);
    /// <summary>How many organizations the user belongs to, whatever the search.</summary>
    public int Memberships { get; private set; }
    public bool IsSiteAdmin { get; private set; }
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        var user = await users.GetUserAsync(User);
        if (user is null) return;
        IsSiteAdmin = user.IsSiteAdmin;
        var mine = from m in db.Memberships.IgnoreQueryFilters()
                   join o in db.Organizations on m.OrganizationId equals o.Id
                   where m.UserId == user.Id && m.DeletedAt == null && o.DeletedAt == null
                   select new OrganizationListSource { Slug = o.Slug, Name = o.Name, DefaultLanguage = o.DefaultLanguage, Role = m.Role };
        Memberships = await mine.CountAsync(ct);
        var q = mine;
        if (!string.IsNullOrWhiteSpace(Query.Q))
        {
            var s = Query.Q.Trim().ToLower();
            q = q.Where(o => o.Slug.ToLower().Contains(s) || (o.Name.Es ?? "").ToLower().Contains(s)
                             || (o.Name.En ?? "").ToLower().Contains(s) || (o.Name.Fr ?? "").ToLower().Contains(s));
        }
        Query.PageSize ??= 20;
        var sorts = new SortMap<OrganizationListSource>("name")
            .Add("slug", o => o.Slug)
            .Add("name", NameKey(Languages.Current));
        Organizations = await q.ToStablePagedAsync(Query, sorts, o => o.Slug, o => new OrgLink(o.Slug, o.Name, o.DefaultLanguage, o.Role), ct);
    }

    /// <summary>The name a reader sees (their language, else another), in the database.</summary>
    public static Expression<Func<OrganizationListSource, string?>> NameKey(string lang) => lang switch
    {
        "es" => o => o.Name.Es ?? o.Name.En ?? o.Name.Fr,
        "fr" => o => o.Name.Fr ?? o.Name.En ?? o.Name.Es,
        _ => o => o.Name.En ?? o.Name.Es ?? o.Name.Fr,
    };
}

public sealed class OrganizationListSource
{
    public string Slug { get; init; } = "";
    public LocalizedText Name { get; init; } = new();
    public string DefaultLanguage { get; init; } = "";
    public OrgRole Role { get; init; }
}
