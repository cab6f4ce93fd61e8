using Nodal.Core;

namespace Nodal.Data;

/// <summary>
/// Who is acting, and in which organization, for the current scope (one request, one command).
/// The database context reads it to filter every query and to guard every save.
/// </summary>
public sealed class TenantContext
{
    public Guid? OrganizationId { get; private set; }
    public string? OrganizationSlug { get; private set; }
    public OrgRole? Role { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "system";
    public string DefaultLanguage { get; private set; } = "en";
    public LocalizedText OrganizationName { get; private set; } = new();
    /// <summary>Start-up work (migrations, seeding, CLI) that may write any organization's rows.</summary>
    public bool IsSystem { get; private set; }

    public void SetUser(Guid? userId, string userName)
    {
        UserId = userId;
        UserName = userName;
    }

    /// <summary>The organization's ISO 4217 currency: budgets default to it and figures add up in it.</summary>
    public string Currency { get; private set; } = "EUR";

    public void Enter(Guid organizationId, string slug, OrgRole role, Guid? departmentId, string defaultLanguage, LocalizedText name, string currency = "EUR")
    {
        Currency = currency;
        OrganizationName = name;
        OrganizationId = organizationId;
        OrganizationSlug = slug;
        Role = role;
        DepartmentId = departmentId;
        DefaultLanguage = defaultLanguage;
    }

    public void EnterAsSystem(Guid? organizationId = null)
    {
        IsSystem = true;
        OrganizationId = organizationId;
        // A person acting through a system operation (CLI, restoring an organization) stays the author.
        if (UserId is null) UserName = "system";
    }

    public bool Can(Capability capability) => Role is { } r && r.Grants(capability);

    public bool CanEditDepartment(Guid departmentId) =>
        Role is { } r && Permissions.CanEditDepartment(r, DepartmentId, departmentId);
}

public sealed class TenantViolationException(string message) : InvalidOperationException(message);
