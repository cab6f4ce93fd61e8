namespace Nodal.Core.Auditing;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    Restored = 4,
}

/// <summary>One change to one record: who, when, and every changed field before and after (JSON).</summary>
public class AuditEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
    public AuditAction Action { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>{"Field": ["before", "after"], …}</summary>
    public string Changes { get; set; } = "{}";
    public string Label { get; set; } = "";
}
