using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// A person reads which language the header's language choice shows. axe's contrast rule does not
/// look at a select's own text, so its contrast is measured here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorReadsTheLanguageChoiceTests(NodalSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task The_language_choice_shows_the_current_language_in_readable_colours()
    {
        await using var v = await site.NewVisitorAsync(output, audit: false);
        await v.OpenAsync("/account/login");
        var choice = v.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Combobox, new() { Name = v.T("Language"), Exact = true });
        await Expect(choice).ToBeVisibleAsync();
        await Expect(choice).ToHaveValueAsync("en");

        var seen = await choice.EvaluateAsync<JsonElement>("""
            el => {
              const rgba = c => { const p = c.match(/[\d.]+/g).map(Number); return p.length === 3 ? [...p, 1] : p; };
              const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
              let bg = [255, 255, 255, 1];
              for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) { bg = c; break; } }
              const fg = rgba(getComputedStyle(el).color);
              const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
              return { text: el.options[el.selectedIndex].text, ratio: (hi + 0.05) / (lo + 0.05), fg: getComputedStyle(el).color, bg: `rgb(${bg.slice(0, 3).join(', ')})` };
            }
            """);
        var ratio = seen.GetProperty("ratio").GetDouble();
        Assert.Equal("English", seen.GetProperty("text").GetString());
        Assert.True(ratio >= 4.5,
            $"The header's language choice (#nodal-language) shows its text in {seen.GetProperty("fg")} on {seen.GetProperty("bg")}: contrast {ratio:0.00}:1, WCAG AA needs 4.5:1.");
    }
}
