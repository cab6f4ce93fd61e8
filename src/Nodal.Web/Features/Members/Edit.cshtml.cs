using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Web.Features.Account;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Members;

[Requires(Capability.ManageMembers)]
public sealed class EditModel(NodalDbContext db, UserManager<NodalUser> users, MemberService members, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public RoleInput Input { get; set; } = new();
    public MemberRow Member { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public string? Link { get; private set; }
    /// <summary>Why this administrator may not reset or unlock the account (None when they may).</summary>
    public AccountRefusal Refusal { get; private set; }
    /// <summary>Set when the save lost a race: the role and department someone else saved.</summary>
    public MemberRow? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new RoleInput { Role = Member.Role, DepartmentId = Member.DepartmentId, Version = Member.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        RoleRules.Check(Input, new ModelStateDictionaryWrapper(ModelState), L, Departments.Select(d => Guid.Parse(d.Value)).ToList());
        var membership = (await members.FindAsync(Id, ct))!;
        if (membership.Role == OrgRole.Administrator && Input.Role != OrgRole.Administrator && await members.AdministratorCountAsync(ct) <= 1)
            ModelState.AddModelError("Input.Role", L["The organization needs at least one administrator."]);
        if (!ModelState.IsValid) return Page();
        db.ExpectVersion(membership, Input.Version ?? membership.Version);
        membership.Role = Input.Role!.Value;
        membership.DepartmentId = Input.DepartmentId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(ct)) return NotFound();
            // Show what the other person saved and take its version, so saving again replaces it on purpose.
            Current = Member;
            Input.Version = Member.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["{0} was saved.", Member.DisplayName].Value;
        return Redirect($"/{tenant.OrganizationSlug}/members");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new RoleInput { Role = Member.Role, DepartmentId = Member.DepartmentId, Version = Member.Version };
        if (Refusal != AccountRefusal.None) return Refused();
        var user = await users.FindByIdAsync(Member.UserId.ToString());
        Link = await members.PasswordLinkAsync(user!, Request);
        AccountRules.Record(db, tenant, clock, Id, Member.Email ?? Member.DisplayName, AccountRules.Events.PasswordResetLink);
        await db.SaveChangesAsync(ct);
        History = AccountRules.Localize(await HistoryQuery.ForRecordAsync(db, Id, ct), L);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Refusal != AccountRefusal.None)
        {
            Input = new RoleInput { Role = Member.Role, DepartmentId = Member.DepartmentId, Version = Member.Version };
            return Refused();
        }
        var user = (await users.FindByIdAsync(Member.UserId.ToString()))!;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        AccountRules.Record(db, tenant, clock, Id, Member.Email ?? Member.DisplayName, AccountRules.Events.Unlocked);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["The account of {0} was unlocked.", Member.DisplayName].Value;
        return Redirect($"/{tenant.OrganizationSlug}/members/{Id}");
    }

    /// <summary>403 with the page itself, which explains who can reset or unlock this account.</summary>
    private PageResult Refused()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var membership = (await members.FindAsync(Id, ct))!;
        if (membership.Role == OrgRole.Administrator && await members.AdministratorCountAsync(ct) <= 1)
        {
            ModelState.AddModelError("", L["The organization needs at least one administrator."]);
            Input = new RoleInput { Role = Member.Role, DepartmentId = Member.DepartmentId, Version = Member.Version };
            return Page();
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["{0} no longer belongs to the organization.", Member.DisplayName].Value;
        return Redirect($"/{tenant.OrganizationSlug}/members");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var member = (await members.ListAsync(ct)).FirstOrDefault(m => m.MembershipId == Id);
        if (member is null) return false;
        Member = member;
        Departments = await RoleRules.DepartmentItemsAsync(db, tenant.DefaultLanguage, ct);
        History = AccountRules.Localize(await HistoryQuery.ForRecordAsync(db, Id, ct), L);
        Refusal = await AccountRules.RefusalAsync(db, tenant.UserId, member.UserId, tenant.OrganizationId!.Value, ct);
        return true;
    }
}
