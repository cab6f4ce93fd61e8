using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// On a 320-pixel-wide phone (WCAG 1.4.10 reflow) the widest pages do not scroll sideways: their tables scroll
/// inside their own region, which a keyboard user can focus and scroll with the arrow keys; a table that fits is no tab stop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneReaderScrollsTablesNotPagesTests(NodalSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Wide_lists_and_dashboards_fit_a_320_pixel_screen_and_their_tables_scroll_by_keyboard()
    {
        await using var v = await site.NewVisitorAsync(output, width: 320, height: 640);
        await v.SignInAsync("ana.coordinadora@solmar.example");
        string[] pages =
        [
            $"/{NodalSite.Org}/actions", $"/{NodalSite.Org}/departments", $"/{NodalSite.Org}/indicators", $"/{NodalSite.Org}/agreements",
            $"/{NodalSite.Org}/measurements", $"/{NodalSite.Org}/dashboard", $"/{NodalSite.Org}/counterparts", $"/{NodalSite.Org}/office",
        ];
        var wide = new List<string>();
        foreach (var path in pages)
        {
            await v.OpenAsync(path);
            var (page, viewport) = await PageWidthAsync(v.Page);
            if (page > viewport) wide.Add($"{path}: the page is {page} px wide on a {viewport} px screen; too wide: {await TooWideAsync(v.Page)}");
        }
        Assert.True(wide.Count == 0, string.Join("\n", wide));

        // The actions list's table is wider than the phone: its region scrolls, from the keyboard too.
        await v.OpenAsync($"/{NodalSite.Org}/actions");
        var region = v.Page.Locator(".nodal-table-scroll").First;
        await Expect(region).ToHaveAttributeAsync("role", "region");
        Assert.False(string.IsNullOrWhiteSpace(await region.GetAttributeAsync("aria-label")));
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "the actions table fits 320 px: nothing to scroll");
        await region.FocusAsync();
        await Expect(region).ToBeFocusedAsync();
        await v.Page.Keyboard.PressAsync("ArrowRight");
        await v.Page.Keyboard.PressAsync("ArrowRight");
        await v.Page.WaitForFunctionAsync("() => document.querySelector('.nodal-table-scroll').scrollLeft > 0");

        // On a wide screen a table that fits is no tab stop and no landmark; narrowed again, it is both.
        await v.Page.SetViewportSizeAsync(1280, 900);
        await v.OpenAsync($"/{NodalSite.Org}/office");
        var fits = v.Page.Locator(".nodal-table-scroll").First;
        await Expect(fits).Not.ToHaveAttributeAsync("tabindex", "0");
        await Expect(fits).Not.ToHaveAttributeAsync("role", "region");
        await v.Page.SetViewportSizeAsync(320, 640);
        await Expect(fits).ToHaveAttributeAsync("tabindex", "0");
        await Expect(fits).ToHaveAttributeAsync("role", "region");
        v.AssertNoProblems();
    }

    /// <summary>The outermost elements reaching past the screen's right edge, to say what to fix.</summary>
    private static Task<string> TooWideAsync(IPage page) => page.EvaluateAsync<string>(@"() => {
        const w = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
            && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1));
        return out.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : '')
            + ' in ' + (e.parentElement ? e.parentElement.tagName + '.' + e.parentElement.className + ' ' + getComputedStyle(e.parentElement).overflowX + ' ' + Math.round(e.parentElement.getBoundingClientRect().right) : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px): ' + (e.textContent || '').trim().slice(0, 60)).join('; ');
    }");

    private static async Task<(int Page, int Viewport)> PageWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
