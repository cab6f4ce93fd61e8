using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>A keyboard user's first Tab reaches the skip link, whose Enter takes them to the main content.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardUserSkipsToContentTests(NodalSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task First_tab_on_the_login_page_focuses_the_skip_link()
    {
        await using var v = await site.NewVisitorAsync(output, audit: false);
        await v.OpenAsync("/account/login");
        Assert.Equal("en", v.Language);
        await TabToSkipLinkAndUseItAsync(v, "Skip to main content");
    }

    [Fact]
    public async Task First_tab_on_an_organization_page_in_Spanish_focuses_the_skip_link()
    {
        await using var v = await site.NewVisitorAsync(output, audit: false);
        await v.SignInAsync("marta.movilidad@solmar.example");
        await v.OpenAsync($"/{NodalSite.Org}/departments");
        if (v.Language != "es") await v.ChangeLanguageAsync("es");
        await v.OpenAsync($"/{NodalSite.Org}/departments");
        await TabToSkipLinkAndUseItAsync(v, v.T("Skip to main content"));
    }

    private static async Task TabToSkipLinkAndUseItAsync(Visitor v, string name)
    {
        await v.Page.Keyboard.PressAsync("Tab");
        var skip = v.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveAttributeAsync("href", "#main-content");
        await Expect(skip).ToBeInViewportAsync();

        await v.Page.Keyboard.PressAsync("Enter");
        await Expect(v.Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        v.AssertNoProblems();
    }
}
