using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Features.Account;

public sealed class LogoutModel(SignInManager<NodalUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
