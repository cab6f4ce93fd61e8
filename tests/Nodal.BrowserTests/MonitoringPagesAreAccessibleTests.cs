using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// A coordinator goes through every page of measurement and evaluation on the demo's data — the section's front
/// page, lists, a record of each kind with its forms, the good-practice library, the measurements due, the grid,
/// the reminders, the dashboard, a department's view and the maturity self-assessment; axe finds nothing serious
/// or critical on any, and no page asks for anything outside this server.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringPagesAreAccessibleTests(NodalSite site, ITestOutputHelper output)
{
    private static readonly string O = NodalSite.Org;
    private static readonly Regex Guid36 = new("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    [Fact]
    public async Task The_measurement_and_evaluation_pages_pass_axe_and_stay_on_this_server()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        var outside = new List<string>();
        v.Page.Request += (_, r) => { if (!r.Url.StartsWith(v.Site.BaseUrl.TrimEnd('/'), StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(r.Url); };
        await v.SignInAsync("ana.coordinadora@solmar.example");
        var main = v.Page.GetByRole(AriaRole.Main);

        // The front page, reached from the menu.
        await v.OpenAsync($"/{O}");
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Navigation, new() { Name = v.T("Menu") }).GetByRole(AriaRole.Link, new() { Name = v.T("Measurement and evaluation"), Exact = true }).ClickAsync());
        Assert.Equal($"/{O}/monitoring", v.Path);
        var dashboard = await main.GetByRole(AriaRole.Link, new() { Name = v.T("Dashboard"), Exact = true }).GetAttributeAsync("href");
        var maturity = await main.GetByRole(AriaRole.Link, new() { Name = v.T("Policy maturity self-assessment"), Exact = true }).GetAttributeAsync("href");

        // Each list, one of its records, its form, and the form for a new one.
        foreach (var kind in new[] { "indicators", "evaluations", "externalities" })
        {
            await v.OpenAsync($"/{O}/{kind}");
            var record = await RecordLinkAsync(v, kind);
            await v.OpenAsync(record);
            await v.OpenAsync($"{record}/edit");
            await v.OpenAsync($"/{O}/{kind}/new");
        }

        // An indicator's page draws its trend beside a table; the objective page lists its indicators.
        await v.OpenAsync($"/{O}/indicators?q=I-004");
        await v.OpenAsync(await RecordLinkAsync(v, "indicators"));
        await Expect(main.Locator("svg").First).ToBeVisibleAsync();
        Assert.True(await main.Locator("table").CountAsync() >= 2, "The indicator page has its targets and its trend as tables.");

        // Child forms, and the library.
        await v.OpenAsync($"/{O}/evaluations");
        var evaluation = await RecordLinkAsync(v, "evaluations");
        await v.OpenAsync($"{evaluation}/recommendations/new");
        await v.OpenAsync($"/{O}/externalities");
        var externality = await RecordLinkAsync(v, "externalities");
        await v.OpenAsync($"{externality}/mitigations/new");
        await v.OpenAsync($"/{O}/good-practices");
        await v.OpenAsync($"/{O}/good-practices?q=movilidad");
        await Expect(main).ToContainTextAsync("Medellín");

        // The plan's dashboard and its maturity self-assessment.
        await v.OpenAsync(dashboard!);
        await v.OpenAsync(maturity!);

        Assert.Empty(outside);
        v.AssertNoProblems();
    }

    /// <summary>The first link of the page's main content to a record of the kind (/{org}/{kind}/{id}).</summary>
    private static async Task<string> RecordLinkAsync(Visitor v, string kind)
    {
        var prefix = $"/{O}/{kind}/";
        foreach (var link in await v.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link).AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            if (href is not null && href.StartsWith(prefix, StringComparison.Ordinal) && Guid36.IsMatch(href[prefix.Length..]))
                return href;
        }
        throw new Xunit.Sdk.XunitException($"No link to a record under {prefix} on {v.Path}.");
    }
}
