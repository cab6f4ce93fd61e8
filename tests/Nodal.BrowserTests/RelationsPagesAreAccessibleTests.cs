using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// A coordinator goes through every page of the relations registry on the demo's data — lists, a record of each
/// kind, their forms, the imports, the map and the calendar — in the language she reads; axe finds nothing serious
/// or critical on any, and no page asks for anything outside this server (the map works offline).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RelationsPagesAreAccessibleTests(NodalSite site, ITestOutputHelper output)
{
    private static readonly string O = NodalSite.Org;
    private static readonly Regex Guid36 = new("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    [Fact]
    public async Task The_registry_pages_their_records_and_forms_pass_axe_and_stay_on_this_server()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        var outside = new List<string>();
        v.Page.Request += (_, r) => { if (!r.Url.StartsWith(v.Site.BaseUrl.TrimEnd('/'), StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(r.Url); };
        await v.SignInAsync("ana.coordinadora@solmar.example");

        await v.OpenAsync($"/{O}/relations");
        await Expect(v.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = v.T("World map"), Exact = true })).ToBeVisibleAsync();

        // Each list, one of its records (the demo has them all), its form, and the form for a new one.
        foreach (var kind in new[] { "counterparts", "agreements", "memberships", "alliances", "projects", "missions" })
        {
            await v.OpenAsync($"/{O}/{kind}");
            var record = await RecordLinkAsync(v, kind);
            await v.OpenAsync(record);
            await v.OpenAsync($"{record}/edit");
            await v.OpenAsync($"/{O}/{kind}/new");
        }

        // Child forms and imports.
        await v.OpenAsync($"/{O}/counterparts");
        var counterpart = await RecordLinkAsync(v, "counterparts");
        await v.OpenAsync($"{counterpart}/contacts/new");
        await v.OpenAsync($"/{O}/counterparts/import");
        await v.OpenAsync($"/{O}/projects");
        var project = await RecordLinkAsync(v, "projects");
        await v.OpenAsync($"{project}/partners/new");
        await v.OpenAsync($"{project}/transactions/new");
        await v.OpenAsync($"/{O}/projects/iati-import");

        // Lists filtered the way the map links to them.
        await v.OpenAsync($"/{O}/agreements?country=IT&status=Active");
        await v.OpenAsync($"/{O}/agreements?dormant=true");
        await v.OpenAsync($"/{O}/missions?country=KR");

        // The map in each of its shadings, and the calendar.
        await v.OpenAsync($"/{O}/map");
        Assert.True(await v.Page.Locator("figure svg circle").CountAsync() >= 10, "The demo's partner cities are drawn on the map.");
        foreach (var shade in new[] { "agreements", "projects", "missions", "memberships" })
        {
            await v.OpenAsync($"/{O}/map?kind={shade}");
            await Expect(v.Page.Locator("figure svg path").First).ToBeVisibleAsync();
        }
        await v.OpenAsync($"/{O}/calendar");

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
