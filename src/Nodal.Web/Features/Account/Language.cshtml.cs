using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Account;

/// <summary>Remembers the chosen language: in a cookie, and on the account of a signed-in user.</summary>
public sealed class LanguageModel(UserManager<NodalUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var lang = Languages.Supported.Contains(language) ? language! : "en";
        Languages.Remember(Response, lang);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredLanguage != lang)
        {
            user.PreferredLanguage = lang;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
