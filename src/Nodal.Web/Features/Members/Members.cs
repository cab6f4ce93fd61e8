using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Members;

public sealed record MemberRow(Guid MembershipId, Guid UserId, string DisplayName, string? Email, OrgRole Role, Guid? DepartmentId, string? DepartmentCode, bool LockedOut, long Version);

/// <summary>What the members list asks for: search by name or email, role, department, sort, paging.</summary>
public sealed class MemberListQuery
{
    /// <summary>Searches names and emails.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "role")] public OrgRole? Role { get; set; }
    [FromQuery(Name = "department")] public Guid? Department { get; set; }
    /// <summary>name, email, role or department.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    public ListQuery ToListQuery() => new() { Q = Q, Sort = Sort, Dir = Dir, Page = Page, PageSize = PageSize };

    /// <summary>The query string of the filters (without paging and sorting), for links.</summary>
    public string FilterString() => Listing.QueryString(("q", Q), ("role", Role), ("department", Department));
}

/// <summary>Who belongs to the organization, with which role and department.</summary>
public sealed class MemberService(NodalDbContext db, UserManager<NodalUser> users)
{
    public async Task<List<MemberRow>> ListAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await (from m in db.Memberships
                          join u in db.Users on m.UserId equals u.Id
                          join d in db.Departments on m.DepartmentId equals d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          orderby m.Role, u.DisplayName
                          select new { m.Id, UserId = u.Id, u.DisplayName, u.Email, m.Role, m.DepartmentId, Code = d == null ? null : d.Code, u.LockoutEnd, m.Version })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new MemberRow(r.Id, r.UserId, r.DisplayName, r.Email, r.Role, r.DepartmentId, r.Code, r.LockoutEnd > now, r.Version)).ToList();
    }

    /// <summary>One page of members, searched, filtered and sorted in the database.</summary>
    public async Task<PagedList<MemberRow>> ListAsync(MemberListQuery query, CancellationToken ct)
    {
        var q = from m in db.Memberships
                join u in db.Users on m.UserId equals u.Id
                join d in db.Departments on m.DepartmentId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                select new MemberListSource
                {
                    MembershipId = m.Id, UserId = u.Id, DisplayName = u.DisplayName, Email = u.Email, Role = m.Role,
                    DepartmentId = m.DepartmentId, DepartmentCode = d == null ? null : d.Code, LockoutEnd = u.LockoutEnd, Version = m.Version,
                };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLower();
            q = q.Where(r => r.DisplayName.ToLower().Contains(s) || (r.Email ?? "").ToLower().Contains(s));
        }
        if (query.Role is { } role) q = q.Where(r => r.Role == role);
        if (query.Department is { } department) q = q.Where(r => r.DepartmentId == department);
        var sorts = new SortMap<MemberListSource>("name")
            .Add("name", r => r.DisplayName)
            .Add("email", r => r.Email ?? "")
            .Add("role", r => r.Role)
            .Add("department", r => r.DepartmentCode ?? "");
        var now = DateTimeOffset.UtcNow;
        var page = await q.ToStablePagedAsync(query.ToListQuery(), sorts, r => r.MembershipId, r => r, ct);
        return new PagedList<MemberRow>(
            page.Items.Select(r => new MemberRow(r.MembershipId, r.UserId, r.DisplayName, r.Email, r.Role, r.DepartmentId, r.DepartmentCode, r.LockoutEnd > now, r.Version)).ToList(),
            page.Total, page.Page, page.PageSize, page.Sort, page.Descending);
    }

    public async Task<Membership?> FindAsync(Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is not null)
            membership.Person = await db.Users.Where(u => u.Id == membership.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return membership;
    }

    /// <summary>A link that lets the person choose their password (an invitation or an administrator's reset).</summary>
    public async Task<string> PasswordLinkAsync(NodalUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{request.Scheme}://{request.Host}/account/set-password?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }

    public async Task<int> AdministratorCountAsync(CancellationToken ct) => await db.Memberships.CountAsync(m => m.Role == OrgRole.Administrator, ct);
}

/// <summary>A member as the list query reads it, before paging.</summary>
public sealed class MemberListSource
{
    public Guid MembershipId { get; init; }
    public Guid UserId { get; init; }
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public OrgRole Role { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? DepartmentCode { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }
    public long Version { get; init; }
}
