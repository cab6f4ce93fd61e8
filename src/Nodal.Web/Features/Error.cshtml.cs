
namespace Nodal.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> L) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Re-executed for an error status: keep the original status for the client.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code;
        (Title, Message) = code switch
        {
            404 => (L["Page not found"], L["There is nothing at this address, or it belongs to an organization you are not a member of."]),
            403 => (L["You cannot do this"], L["Your role in this organization does not allow this action. Ask an administrator if you need it."]),
            400 => (L["The request was not understood"], L["Go back and try again."]),
            _ => (L["Sorry, something went wrong"], L["Nothing was saved. Try again in a moment; if it goes on, tell your administrator."]),
        };
    }
}
