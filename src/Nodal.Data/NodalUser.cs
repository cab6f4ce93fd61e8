using Microsoft.AspNetCore.Identity;

namespace Nodal.Data;

/// <summary>A person with a local account. Users are global; their organizations come from memberships.</summary>
public class NodalUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// <summary>es, en or fr; empty means "follow the browser".</summary>
    public string? PreferredLanguage { get; set; }
    /// <summary>May create organizations and see every organization's Trash of organizations.</summary>
    public bool IsSiteAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
}
