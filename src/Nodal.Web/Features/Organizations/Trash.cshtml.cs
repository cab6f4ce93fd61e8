using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Organizations;

/// <summary>Deleted organizations, which site administrators restore with everything they held.</summary>
public sealed class TrashModel(NodalDbContext db, TenantContext tenant, UserManager<NodalUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public ListQuery Query { get; set; } = new();
    public PagedList<Organization> Deleted { get; private set; } = null!;
    public bool IsHtmx { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await IsSiteAdminAsync()) return Forbid();
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        var q = db.Organizations.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(o => o.DeletedAt != null).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query.Q))
        {
            var s = Query.Q.Trim().ToLower();
            q = q.Where(o => o.Slug.ToLower().Contains(s) || (o.Name.Es ?? "").ToLower().Contains(s)
                             || (o.Name.En ?? "").ToLower().Contains(s) || (o.Name.Fr ?? "").ToLower().Contains(s));
        }
        Query.Dir ??= Query.Sort is null or "deleted" ? "desc" : "asc";
        var sorts = new SortMap<Organization>("deleted")
            .Add("deleted", o => o.DeletedAt)
            .Add("slug", o => o.Slug)
            .Add("name", Languages.Current switch
            {
                "es" => o => o.Name.Es ?? o.Name.En ?? o.Name.Fr,
                "fr" => o => o.Name.Fr ?? o.Name.En ?? o.Name.Es,
                _ => (System.Linq.Expressions.Expression<Func<Organization, string?>>)(o => o.Name.En ?? o.Name.Es ?? o.Name.Fr),
            });
        Deleted = await q.ToStablePagedAsync(Query, sorts, o => o.Slug, o => o, ct);
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
