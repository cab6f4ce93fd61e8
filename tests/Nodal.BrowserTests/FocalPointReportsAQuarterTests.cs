using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// Issue #5 end to end, with two people: the Mobility department's focal point enters the third quarter's
/// technical exchanges (one, where the year's target is eight) and submits it; she cannot validate it herself;
/// the office's coordinator validates it; the plan's dashboard then judges objective O3 on both of its
/// indicators and its light turns from "on track" to "needs attention" — with axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocalPointReportsAQuarterTests(NodalSite site, ITestOutputHelper output)
{
    private static readonly string O = NodalSite.Org;

    [Fact]
    public async Task Focal_point_enters_a_quarter_the_coordinator_validates_it_and_the_objective_light_changes()
    {
        // ---- 0. The coordinator's dashboard: O3 is on track, judged on one of its two indicators (I-006 has no data yet).
        await using var ana = await site.NewVisitorAsync(output, audit: true);
        await ana.SignInAsync("ana.coordinadora@solmar.example");
        await ana.OpenAsync($"/{O}/dashboard");
        Assert.Matches(new Regex($"^/{O}/plans/[0-9a-f-]{{36}}/dashboard$"), ana.Path);
        var dashboard = ana.Path;
        var o3 = ObjectiveRow(ana, "O3");
        await Expect(o3.Locator(".govuk-tag")).ToHaveTextAsync(ana.T("On track"));
        await Expect(o3).ToContainTextAsync(ana.T("{0} of {1}", 1, 2));

        // ---- 1. The focal point finds what her department has due, and enters the quarter.
        await using var marta = await site.NewVisitorAsync(output, audit: true);
        await marta.SignInAsync("marta.movilidad@solmar.example");
        await marta.OpenAsync($"/{O}/measurements");
        await Expect(marta.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("I-006");
        await marta.OpenAsync($"/{O}/indicators?q=I-006");
        await marta.FollowAsync(() => marta.Page.GetByRole(AriaRole.Main).Locator("tbody tr", new() { HasText = "I-006" }).GetByRole(AriaRole.Link).First.ClickAsync());
        await marta.FollowAsync(() => marta.Page.GetByRole(AriaRole.Link, new() { Name = marta.T("Enter a measurement"), Exact = true }).ClickAsync());
        await marta.Page.GetByLabel(marta.T("Period"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "T3 2026" });
        await marta.Page.GetByLabel(marta.T("Value"), new() { Exact = true }).FillAsync("1");
        await marta.Page.GetByLabel(marta.T("Note (optional)"), new() { Exact = true }).FillAsync("Taller de logística urbana con Génova (septiembre).");
        await marta.CheckAccessibilityAsync("measurement filled in");
        await marta.FollowAsync(() => marta.Page.GetByRole(AriaRole.Button, new() { Name = marta.T("Save and submit"), Exact = true }).ClickAsync());
        Assert.Matches(new Regex($"^/{O}/measurements/[0-9a-f-]{{36}}$"), marta.Path);
        var measurement = marta.Path;
        var main = marta.Page.GetByRole(AriaRole.Main);
        await Expect(main.Locator(".govuk-tag").First).ToHaveTextAsync(marta.T("Submitted"));
        // Her department enters; only the office validates.
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = marta.T("Validate"), Exact = true })).ToHaveCountAsync(0);

        // Submitted is not validated: the dashboard has not changed.
        await ana.OpenAsync(dashboard);
        await Expect(ObjectiveRow(ana, "O3").Locator(".govuk-tag")).ToHaveTextAsync(ana.T("On track"));

        // ---- 2. The coordinator validates it.
        await ana.OpenAsync(measurement);
        await Expect(ana.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Taller de logística urbana con Génova");
        await ana.FollowAsync(() => ana.Page.GetByRole(AriaRole.Button, new() { Name = ana.T("Validate"), Exact = true }).ClickAsync());
        await Expect(ana.Page.GetByRole(AriaRole.Main).Locator(".govuk-tag").First).ToHaveTextAsync(ana.T("Validated"));

        // ---- 3. At once, the dashboard judges O3 on both indicators: I-005 on target (1) and I-006 at one exchange
        // against a quarter of the year's eight (1 / 2 = 0.5): (1 + 0.5) / 2 = 75 % → needs attention.
        await ana.OpenAsync(dashboard);
        o3 = ObjectiveRow(ana, "O3");
        await Expect(o3.Locator(".govuk-tag")).ToHaveTextAsync(ana.T("Needs attention"));
        await Expect(o3).ToContainTextAsync(ana.T("{0} of {1}", 2, 2));
        await Expect(o3).ToContainTextAsync(new Regex("75"));

        marta.AssertNoProblems();
        ana.AssertNoProblems();
    }

    private static ILocator ObjectiveRow(Visitor v, string code) =>
        v.Page.Locator("tr[id^='objective-']").Filter(new() { Has = v.Page.Locator(".nodal-code", new() { HasTextRegex = new Regex($"^{code}$") }) });
}
