using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Account;

/// <summary>Where an invitation or an administrator's reset link leads: the person chooses a password.</summary>
public sealed class SetPasswordModel(UserManager<NodalUser> users, IStringLocalizer<SharedResource> L, NodalOptions options) : PageModel
{
    public sealed class PasswordInput
    {
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "token")] public string? Token { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public int MinLength => options.Security.PasswordMinLength;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError("Input.Password", L["This link has expired or was already used. Ask an administrator for a new one."]);
            return Page();
        }
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", L["Enter a password."]);
        else if (Input.Password != Input.Confirm) ModelState.AddModelError("Input.Confirm", L["The two passwords differ."]);
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, Token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        TempData["Notice"] = L["Your password was saved. Sign in with it."].Value;
        return Redirect("/account/login");
    }
}
