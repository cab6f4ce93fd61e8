using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Web.Features.Account;
using Nodal.Web.Seeding;

namespace Nodal.Web.Features.Members;

public class RoleInput
{
    public OrgRole? Role { get; set; }
    public Guid? DepartmentId { get; set; }
    public long? Version { get; set; }
}

public sealed class InviteInput : RoleInput
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
}

internal static class RoleRules
{
    public static void Check(RoleInput input, ModelStateDictionaryWrapper errors, IStringLocalizer L, IReadOnlyCollection<Guid> departmentIds)
    {
        if (input.Role is null || !Enum.IsDefined(input.Role.Value)) errors.Add("Input.Role", L["Choose a role."]);
        if (input.Role == OrgRole.FocalPoint && input.DepartmentId is null) errors.Add("Input.DepartmentId", L["A focal point needs a department."]);
        if (input.DepartmentId is { } d && !departmentIds.Contains(d)) errors.Add("Input.DepartmentId", L["Choose a department from the list."]);
    }

    public static async Task<List<SelectListItem>> DepartmentItemsAsync(NodalDbContext db, string defaultLanguage, CancellationToken ct) =>
        (await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct))
            .Select(d => new SelectListItem(d.Describe(Languages.Current), d.Id.ToString())).ToList();
}

internal readonly struct ModelStateDictionaryWrapper(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
{
    public void Add(string key, string message) => state.AddModelError(key, message);
}

[Requires(Capability.ManageMembers)]
public sealed class InviteModel(NodalDbContext db, UserManager<NodalUser> users, MemberService members, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InviteInput Input { get; set; } = new() { Role = OrgRole.Viewer };
    public List<SelectListItem> Departments { get; private set; } = [];
    public string? Link { get; private set; }
    /// <summary>Set when the email named an existing account, which was added to the organization (no link: it keeps its password).</summary>
    public (Guid MembershipId, string Name, string Email, OrgRole Role)? Added { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Departments = await RoleRules.DepartmentItemsAsync(db, tenant.DefaultLanguage, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Departments = await RoleRules.DepartmentItemsAsync(db, tenant.DefaultLanguage, ct);
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            ModelState.AddModelError("Input.Email", L["Enter an email address like name@example.org."]);
        RoleRules.Check(Input, new ModelStateDictionaryWrapper(ModelState), L, Departments.Select(d => Guid.Parse(d.Value)).ToList());
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(email!);
        var isNew = user is null;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(Input.DisplayName)) { ModelState.AddModelError("Input.DisplayName", L["Enter the person's name."]); return Page(); }
            user = new NodalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Input.DisplayName.Trim(), CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Seeder.GeneratePassword());
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors) ModelState.AddModelError("Input.Email", e.Description);
                return Page();
            }
        }
        var existing = await db.Memberships.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (existing is { DeletedAt: null })
        {
            ModelState.AddModelError("Input.Email", L["This person is already a member."]);
            return Page();
        }
        if (!isNew)
        {
            // Accounts are shared by every organization they belong to, and Nodal cannot yet prove by e-mail who holds
            // one: an account made (and perhaps held) by another organization's administrator must not be let in here
            // on the strength of an address. An organization's administrator may bring back only its own former member
            // who belongs nowhere else; anything else takes a site administrator, who checks who the person is.
            var actor = await users.GetUserAsync(User);
            var elsewhere = user.IsSiteAdmin || await AccountRules.BelongsElsewhereAsync(db, user.Id, tenant.OrganizationId!.Value, ct);
            if (actor?.IsSiteAdmin != true && (existing is null || elsewhere))
            {
                ModelState.AddModelError("Input.Email", L["This address already has a Nodal account. For the person's safety, only a site administrator can add an existing account to another organization."]);
                return Page();
            }
            // Links to set its password made before today (by any organization) stop working.
            await users.UpdateSecurityStampAsync(user);
        }
        var membership = existing;
        if (membership is not null)
        {
            // A former member comes back: the same membership, restored, keeps its history.
            membership.DeletedAt = null;
            membership.DeletedBy = null;
            membership.Role = Input.Role!.Value;
            membership.DepartmentId = Input.DepartmentId;
        }
        else
        {
            membership = new Membership { UserId = user.Id, Role = Input.Role!.Value, DepartmentId = Input.DepartmentId };
            db.Memberships.Add(membership);
        }
        membership.Person = user.Email;
        // An existing account only gains a membership here: no link, and no power over its password
        // (an administrator resets only accounts that belong to this organization alone; see AccountRules).
        AccountRules.Record(db, tenant, clock, membership.Id, email!, isNew ? AccountRules.Events.InvitationLink : AccountRules.Events.ExistingAccountAdded);
        await db.SaveChangesAsync(ct);
        if (isNew) Link = await members.PasswordLinkAsync(user, Request);
        else
        {
            Added = (membership.Id, user.DisplayName, email!, membership.Role);
            ModelState.Clear();
            Input = new InviteInput { Role = OrgRole.Viewer };
        }
        return Page();
    }
}
