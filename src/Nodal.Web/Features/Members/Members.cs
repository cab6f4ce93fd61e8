using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Members;

public sealed record MemberRow(Guid MembershipId, Guid UserId, string DisplayName, string? Email, OrgRole Role, Guid? DepartmentId, string? DepartmentCode, bool LockedOut, long Version);

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

    public Task<Membership?> FindAsync(Guid membershipId, CancellationToken ct) => db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, ct);

    /// <summary>A link that lets the person choose their password (an invitation or an administrator's reset).</summary>
    public async Task<string> PasswordLinkAsync(NodalUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{request.Scheme}://{request.Host}/account/set-password?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }

    public async Task<int> AdministratorCountAsync(CancellationToken ct) => await db.Memberships.CountAsync(m => m.Role == OrgRole.Administrator, ct);
}
