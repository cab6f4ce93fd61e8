namespace Nodal.Web.Infrastructure;

/// <summary>The other organizations the signed-in user belongs to, for the switcher in the organization menu.</summary>
public sealed class OrganizationSwitcher(NodalDbContext db, TenantContext tenant)
{
    public sealed record Other(string Slug, LocalizedText Name, string DefaultLanguage);

    public async Task<IReadOnlyList<Other>> OthersAsync(CancellationToken ct = default)
    {
        if (tenant.UserId is not { } userId || tenant.OrganizationId is not { } current) return [];
        return await (from m in db.Memberships.IgnoreQueryFilters()
                      join o in db.Organizations on m.OrganizationId equals o.Id
                      where m.UserId == userId && m.DeletedAt == null && o.DeletedAt == null && o.Id != current
                      orderby o.Slug
                      select new Other(o.Slug, o.Name, o.DefaultLanguage)).AsNoTracking().Take(20).ToListAsync(ct);
    }
}
