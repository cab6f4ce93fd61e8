using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Account;

public sealed class ProfileModel(NodalDbContext db, UserManager<NodalUser> users, SignInManager<NodalUser> signIn, TenantContext tenant, ApiTokenService tokens, NodalOptions options, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The person changes their own password: the only way besides a site administrator's reset link
    /// when their account belongs to several organizations.</summary>
    public sealed class PasswordInput
    {
        public string? Current { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class DetailsInput
    {
        public string? DisplayName { get; set; }
        public string? PreferredLanguage { get; set; }
    }

    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public string? Organization { get; set; }
        public int? Days { get; set; }
    }

    public sealed record TokenRow(Guid Id, string Name, string Prefix, string OrgSlug, DateTime? LastUsedAt, DateTime? RevokedAt);
    public sealed record OrgChoice(Guid Id, string Slug, LocalizedText Name, string DefaultLanguage, OrgRole Role, Guid? DepartmentId);

    [BindProperty] public DetailsInput Input { get; set; } = new();
    [BindProperty] public TokenInput Token { get; set; } = new();
    [BindProperty] public PasswordInput Password { get; set; } = new();
    public int MinLength => options.Security.PasswordMinLength;
    public List<TokenRow> Tokens { get; private set; } = [];
    public List<OrgChoice> Organizations { get; private set; } = [];
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        Input = new DetailsInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        await LoadAsync(user, ct);
    }

    public async Task<IActionResult> OnPostDetailsAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        if (string.IsNullOrWhiteSpace(Input.DisplayName)) ModelState.AddModelError("Input.DisplayName", L["Enter your name."]);
        else if (Input.DisplayName.Length > 200) ModelState.AddModelError("Input.DisplayName", L["Use at most {0} characters.", 200]);
        if (!string.IsNullOrEmpty(Input.PreferredLanguage) && !Languages.Supported.Contains(Input.PreferredLanguage))
            ModelState.AddModelError("Input.PreferredLanguage", L["Choose Spanish, English or French."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, ct);
            return Page();
        }
        user.DisplayName = Input.DisplayName!.Trim();
        user.PreferredLanguage = string.IsNullOrEmpty(Input.PreferredLanguage) ? null : Input.PreferredLanguage;
        await users.UpdateAsync(user);
        if (user.PreferredLanguage is { } lang) Languages.Remember(Response, lang);
        TempData["Notice"] = L["Your profile was saved."].Value;
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        Input = new DetailsInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        if (string.IsNullOrEmpty(Password.Current)) ModelState.AddModelError("Password.Current", L["Enter your current password."]);
        if (string.IsNullOrEmpty(Password.Password)) ModelState.AddModelError("Password.Password", L["Enter a password."]);
        else if (Password.Password != Password.Confirm) ModelState.AddModelError("Password.Confirm", L["The two passwords differ."]);
        if (ModelState.IsValid && await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("Password.Current", L["Too many failed attempts: this account is locked for {0} minutes.", options.Security.LockoutMinutes]);
        }
        else if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Password.Current!))
        {
            // Wrong guesses count towards the lockout, as at sign-in: a borrowed session cannot try passwords forever.
            await users.AccessFailedAsync(user);
            ModelState.AddModelError("Password.Current", L["The current password is wrong."]);
        }
        else if (ModelState.IsValid)
        {
            await users.ResetAccessFailedCountAsync(user);
            var result = await users.ChangePasswordAsync(user, Password.Current!, Password.Password!);
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Password.Current" : "Password.Password", e.Code == "PasswordMismatch" ? L["The current password is wrong."] : e.Description);
        }
        if (!ModelState.IsValid)
        {
            Password = new PasswordInput();
            await LoadAsync(user, ct);
            return Page();
        }
        // The password change renews the security stamp: keep this browser signed in, other sign-ins end at their next check.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = L["Your password was changed."].Value;
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        await LoadAsync(user, ct);
        Input = new DetailsInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        var org = Organizations.FirstOrDefault(o => o.Slug == Token.Organization);
        if (string.IsNullOrWhiteSpace(Token.Name)) ModelState.AddModelError("Token.Name", L["Give the token a name."]);
        else if (Token.Name.Length > 100) ModelState.AddModelError("Token.Name", L["Use at most {0} characters.", 100]);
        if (org is null) ModelState.AddModelError("Token.Organization", L["Choose one of your organizations."]);
        if (Token.Days is < 1 or > 3650) ModelState.AddModelError("Token.Days", L["Enter a number between {0} and {1}.", 1, 3650]);
        if (!ModelState.IsValid) return Page();
        tenant.Enter(org!.Id, org.Slug, org.Role, org.DepartmentId, org.DefaultLanguage, org.Name);
        var (_, secret) = await tokens.CreateAsync(org.Id, user.Id, Token.Name!, Token.Days is { } d ? DateTime.UtcNow.AddDays(d) : null, ct);
        NewSecret = secret;
        Token = new TokenInput();
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        var token = await db.ApiTokens.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == id && t.UserId == user.Id && t.DeletedAt == null, ct);
        if (token is null) return NotFound();
        await LoadAsync(user, ct);
        var org = Organizations.FirstOrDefault(o => o.Id == token.OrganizationId);
        if (org is not null) tenant.Enter(org.Id, org.Slug, org.Role, org.DepartmentId, org.DefaultLanguage, org.Name);
        else tenant.EnterAsSystem(token.OrganizationId);
        token.RevokedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["The token {0} was revoked.", token.Name].Value;
        return Redirect("/account");
    }

    private async Task LoadAsync(NodalUser user, CancellationToken ct)
    {
        Organizations = await (from m in db.Memberships.IgnoreQueryFilters()
                               join o in db.Organizations on m.OrganizationId equals o.Id
                               where m.UserId == user.Id && m.DeletedAt == null && o.DeletedAt == null
                               orderby o.Slug
                               select new OrgChoice(o.Id, o.Slug, o.Name, o.DefaultLanguage, m.Role, m.DepartmentId)).AsNoTracking().ToListAsync(ct);
        Tokens = await (from t in db.ApiTokens.IgnoreQueryFilters()
                        join o in db.Organizations on t.OrganizationId equals o.Id
                        where t.UserId == user.Id && t.DeletedAt == null && o.DeletedAt == null
                        orderby t.CreatedAt descending
                        select new TokenRow(t.Id, t.Name, t.Prefix, o.Slug, t.LastUsedAt, t.RevokedAt)).AsNoTracking().ToListAsync(ct);
    }
}
