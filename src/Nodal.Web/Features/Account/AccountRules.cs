using System.Text.Json;
using Nodal.Core.Auditing;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Account;

/// <summary>Why an organization's administrator may not take over the sign-in of an account.</summary>
public enum AccountRefusal
{
    /// <summary>The acting person may reset and unlock the account.</summary>
    None,
    /// <summary>The account is a site administrator's: only another site administrator (or the person) may.</summary>
    SiteAdministrator,
    /// <summary>The account also belongs to other organizations, which this organization's administrator does not govern.</summary>
    OtherOrganizations,
}

/// <summary>
/// Accounts are global (one person may belong to several organizations), so a reset link or an unlock gives
/// power over every organization the account belongs to. An organization's administrator may do it only for an
/// account that belongs to no other organization and is not a site administrator's; a site administrator may
/// do it for anyone. Each reset and unlock is written to the audit trail of the membership (who, when, which
/// account), never the password or the link.
/// </summary>
public static class AccountRules
{
    /// <summary>What happened to an account, stored as the "Account" change of a membership's audit entry.</summary>
    public static class Events
    {
        public const string PasswordResetLink = "PasswordResetLink";
        public const string Unlocked = "Unlocked";
        public const string InvitationLink = "InvitationLink";
        public const string ExistingAccountAdded = "ExistingAccountAdded";
    }

    public const string Field = "Account";

    public static async Task<AccountRefusal> RefusalAsync(NodalDbContext db, Guid? actorId, Guid targetUserId, Guid organizationId, CancellationToken ct)
    {
        if (actorId is null) return AccountRefusal.SiteAdministrator;
        var people = await db.Users.AsNoTracking().Where(u => u.Id == actorId || u.Id == targetUserId)
            .Select(u => new { u.Id, u.IsSiteAdmin }).ToListAsync(ct);
        if (people.Any(p => p.Id == actorId && p.IsSiteAdmin)) return AccountRefusal.None;
        if (people.Any(p => p.Id == targetUserId && p.IsSiteAdmin)) return AccountRefusal.SiteAdministrator;
        return await BelongsElsewhereAsync(db, targetUserId, organizationId, ct) ? AccountRefusal.OtherOrganizations : AccountRefusal.None;
    }

    /// <summary>Whether the account has a live membership in another organization (the Trash's removed ones give no access).</summary>
    public static Task<bool> BelongsElsewhereAsync(NodalDbContext db, Guid userId, Guid organizationId, CancellationToken ct) =>
        db.Memberships.IgnoreQueryFilters([NodalDbContext.TenantFilter]).AsNoTracking()
            .AnyAsync(m => m.UserId == userId && m.OrganizationId != organizationId, ct);

    /// <summary>Adds an audit entry to the membership's history (saved with the request's next save).</summary>
    public static void Record(NodalDbContext db, TenantContext tenant, TimeProvider clock, Guid membershipId, string label, string what) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = tenant.OrganizationId ?? throw new InvalidOperationException("An account event outside any organization."),
            EntityType = nameof(Membership),
            EntityId = membershipId,
            Action = AuditAction.Updated,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = tenant.UserId,
            UserName = tenant.UserName,
            Changes = JsonSerializer.Serialize(new Dictionary<string, string?[]> { [Field] = [null, what] }),
            Label = label.Length <= 400 ? label : label[..400],
        });

    /// <summary>The history with account events written in the reader's language.</summary>
    public static IReadOnlyList<HistoryItem> Localize(IReadOnlyList<HistoryItem> items, IStringLocalizer L) =>
        items.Select(h => h.Changes.Any(c => c.Field == Field)
            ? h with { Changes = h.Changes.Select(c => c.Field == Field ? new FieldChange(L["Account"].Value, null, Describe(c.After, L)) : c).ToList() }
            : h).ToList();

    private static string? Describe(string? what, IStringLocalizer L) => what switch
    {
        Events.PasswordResetLink => L["A password reset link was created"].Value,
        Events.Unlocked => L["The account was unlocked"].Value,
        Events.InvitationLink => L["An invitation link was created"].Value,
        Events.ExistingAccountAdded => L["An existing account was added to the organization"].Value,
        _ => what,
    };
}
