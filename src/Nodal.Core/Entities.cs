namespace Nodal.Core;

/// <summary>A record that belongs to exactly one organization (the tenant key).</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; set; }
}

/// <summary>Deletion only moves the record to the Trash; it can be restored.</summary>
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }
    string? DeletedBy { get; set; }
}

/// <summary>Optimistic concurrency: every save bumps the version; a stale version is refused.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>Properties never written to the audit trail (secrets, derived values).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>The base of every record a feature adds: tenant-owned, audited, versioned, reversible deletion.</summary>
public abstract class TenantEntity : ITenantOwned, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    /// <summary>A short human label, used by the Trash and the history.</summary>
    public abstract string Describe(string language);
}

/// <summary>
/// A counter per organization and area ("policy", "monitoring") bumped by every save that changes a record of
/// that area, in the same transaction. Caches of computed figures keep the value they were computed at and
/// recompute when it moved: one primary-key read tells every node whether its copy is current.
/// </summary>
public class ChangeStamp
{
    public Guid OrganizationId { get; set; }
    public string Area { get; set; } = "";
    public long Value { get; set; }
}
