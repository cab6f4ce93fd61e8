using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Account;

[NoRequestTransaction]
public sealed class LoginModel(SignInManager<NodalUser> signIn, UserManager<NodalUser> users, IStringLocalizer<SharedResource> L, NodalOptions options) : PageModel
{
    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", L["Enter your email address."]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", L["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError("Input.Email", L["The email address or the password is wrong."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("Input.Email", L["Too many failed attempts: this account is locked for {0} minutes.", options.Security.LockoutMinutes]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Email", L["The email address or the password is wrong."]);
            return Page();
        }
        if (!string.IsNullOrEmpty(user.PreferredLanguage)) Languages.Remember(Response, user.PreferredLanguage);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
