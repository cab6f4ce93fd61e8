namespace Nodal.Core;

/// <summary>A user's role in one organization.</summary>
public enum OrgRole
{
    /// <summary>Manages the organization's profile, members and settings.</summary>
    Administrator = 1,
    /// <summary>Staff of the international relations office: edits everything of the policy.</summary>
    Coordinator = 2,
    /// <summary>Focal point of a department: edits what their department owns.</summary>
    FocalPoint = 3,
    /// <summary>A local actor invited to take part: reads, and contributes where invited.</summary>
    Contributor = 4,
    /// <summary>Reads.</summary>
    Viewer = 5,
}

/// <summary>What a request may do. Endpoints declare the capability they need; roles grant them.</summary>
public enum Capability
{
    Read,
    ReadHistory,
    ManageOrganization,
    ManageMembers,
    ManageDepartments,
    EditOwnDepartment,
    ManageOffice,
    ManageTrash,
    /// <summary>Plans, territorial analysis, axes, objectives; adopting a plan.</summary>
    ManagePlans,
    /// <summary>Actions; focal points only those their department leads.</summary>
    EditActions,
    /// <summary>Counterparts, agreements, memberships, alliances, projects, missions; the calendar feed.</summary>
    ManageRelations,
    /// <summary>Logging activity: ledger entries and missions; focal points only for their department.</summary>
    LogRelations,
    /// <summary>Seeing and editing counterparts' contacts (people's names, e-mails and phones).</summary>
    ReadContacts,
    /// <summary>Defining indicators and their targets; evaluations; externalities and mitigations; maturity records.</summary>
    ManageMonitoring,
    /// <summary>Entering and submitting measurements; focal points only for indicators their department owns.</summary>
    EnterMeasurements,
    /// <summary>Validating measurements or returning them with a comment (the office, never the department that entered them).</summary>
    ValidateMeasurements,
}

public static class Permissions
{
    public static bool Grants(this OrgRole role, Capability capability) => capability switch
    {
        Capability.Read => true,
        Capability.ReadHistory => role is not OrgRole.Contributor,
        Capability.ManageOrganization or Capability.ManageMembers => role is OrgRole.Administrator,
        Capability.ManageDepartments or Capability.ManageOffice or Capability.ManageTrash or Capability.ManagePlans
            or Capability.ManageRelations or Capability.ManageMonitoring or Capability.ValidateMeasurements
            => role is OrgRole.Administrator or OrgRole.Coordinator,
        Capability.EditOwnDepartment or Capability.EditActions or Capability.LogRelations or Capability.ReadContacts or Capability.EnterMeasurements => role is OrgRole.Administrator or OrgRole.Coordinator or OrgRole.FocalPoint,
        _ => false,
    };

    /// <summary>Focal points edit only the department they are assigned to; coordinators and administrators edit all.</summary>
    public static bool CanEditDepartment(OrgRole role, Guid? ownDepartmentId, Guid departmentId) =>
        role.Grants(Capability.ManageDepartments) || (role == OrgRole.FocalPoint && ownDepartmentId == departmentId);
}
