using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// Issue #4, the relations registry end to end: a coordinator registers a twinning with a city picked from the
/// gazetteer, logs a visit under it, and finds the city on the world map and the visit and the expiry in the
/// calendar — with axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorRegistersATwinningTests(NodalSite site, ITestOutputHelper output)
{
    private const string Email = "ana.coordinadora@solmar.example";
    private static readonly string O = NodalSite.Org;
    private static readonly Regex Guid = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    [Fact]
    public async Task Coordinator_registers_a_twinning_with_a_gazetteer_city_logs_a_visit_and_finds_them_on_the_map_and_in_the_calendar()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        await v.SignInAsync(Email);
        var page = v.Page;
        var main = page.GetByRole(AriaRole.Main);
        var tag = System.Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // ---- 1. The city, picked from the gazetteer: typing shows candidates (htmx), one is chosen, the place is filled in.
        await v.OpenAsync($"/{O}/counterparts");
        await v.FollowAsync(() => main.GetByRole(AriaRole.Link, new() { Name = v.T("Add a counterpart"), Exact = true }).ClickAsync());
        Assert.Equal($"/{O}/counterparts/new", v.Path);
        await Select(v, "Kind", v.T("City"));
        await page.GetByLabel(v.T("Country (optional)"), new() { Exact = true }).SelectOptionAsync("FR");
        await page.GetByLabel(v.T("Search the gazetteer for a city"), new() { Exact = true }).PressSequentiallyAsync("nant", new() { Delay = 40 });
        var nantes = page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Nantes, ") });
        await Expect(nantes).ToHaveCountAsync(1);
        await nantes.CheckAsync();
        await v.CheckAccessibilityAsync("gazetteer candidates shown");
        await SaveAsync(v);
        Assert.Matches(new Regex($"^/{O}/counterparts/{Guid}"), v.Path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nantes");
        // The gazetteer gave its coordinates (47.21725 N, 1.55336 W), shown in the reader's number format.
        await Expect(main).ToContainTextAsync(new Regex(@"47[.,]2172"));
        await Expect(main).ToContainTextAsync(new Regex(@"-1[.,]5533"));

        // ---- 2. The twinning, in force, expiring in 45 days.
        var title = $"Hermanamiento Solmar–Nantes {tag}";
        var expires = today.AddDays(45);
        await v.OpenAsync($"/{O}/agreements");
        await v.FollowAsync(() => main.GetByRole(AriaRole.Link, new() { Name = v.T("Add an agreement"), Exact = true }).ClickAsync());
        await Select(v, "Kind", v.T("Twinning (sister cities)"));
        await Localized(v, "Title", "^Español").FillAsync(title);
        await page.GetByLabel(v.T("Parties"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nantes (FR)" });
        await Select(v, "Status", v.T("Active (agreement)"));
        await page.GetByLabel(v.T("Signed on (optional)"), new() { Exact = true }).FillAsync(Iso(today.AddYears(-4)));
        await page.GetByLabel(v.T("In force from (optional)"), new() { Exact = true }).FillAsync(Iso(today.AddYears(-4)));
        await page.GetByLabel(v.T("Expires on (optional)"), new() { Exact = true }).FillAsync(Iso(expires));
        await SaveAsync(v);
        Assert.Matches(new Regex($"^/{O}/agreements/{Guid}"), v.Path);
        var agreementPath = v.Path;
        var code = (await page.Locator(".nodal-code").First.InnerTextAsync()).Trim();
        Assert.Matches(new Regex("^AG-[0-9]{4}$"), code);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        // Signed four years ago and nothing logged since: flagged as at risk of being merely symbolic.
        var dormant = v.T("No activity for {0} months: at risk of being merely symbolic.", 48);
        await Expect(main).ToContainTextAsync(dormant);

        // ---- 3. A visit from Nantes, last week, logged under the twinning.
        var visit = $"Visita de la delegación de Nantes {tag}";
        await v.OpenAsync($"/{O}/missions");
        await v.FollowAsync(() => main.GetByRole(AriaRole.Link, new() { Name = v.T("Add a mission, visit or event"), Exact = true }).ClickAsync());
        await Select(v, "Kind", v.T("Inbound visit"));
        await Localized(v, "Title", "^Español").FillAsync(visit);
        await page.GetByLabel(v.T("Start"), new() { Exact = true }).FillAsync(Iso(today.AddDays(-7)));
        await page.GetByLabel(v.T("End"), new() { Exact = true }).FillAsync(Iso(today.AddDays(-6)));
        await Select(v, "Status", v.T("Done"));
        await page.GetByLabel(v.T("City (optional)"), new() { Exact = true }).FillAsync("Solmar");
        await page.GetByLabel(v.T("Counterparts (optional)"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nantes (FR)" });
        await SelectStartingWith(v, "Agreement it was carried out under (optional)", code);
        await SaveAsync(v);
        Assert.Matches(new Regex($"^/{O}/missions/{Guid}"), v.Path);
        await Expect(main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(code)) })).ToBeVisibleAsync();

        // The agreement's ledger shows the visit, and the twinning is no longer dormant.
        await v.OpenAsync(agreementPath);
        await Expect(page.Locator("#ledger-table").GetByRole(AriaRole.Link, new() { Name = visit })).ToBeVisibleAsync();
        await Expect(main).Not.ToContainTextAsync(dormant);

        // ---- 4. The world map: Nantes is a circle over France, and France counts the new agreement.
        await v.OpenAsync($"/{O}/map?kind=agreements");
        await Expect(page.Locator("svg circle title").Filter(new() { HasTextRegex = new Regex("^Nantes") })).ToHaveCountAsync(1);
        var france = page.Locator("#map-countries tbody tr").Filter(new() { HasText = v.Language switch { "es" => "Francia", "fr" => "France", _ => "France" } });
        await Expect(france).ToHaveCountAsync(1);
        await Expect(page.Locator("#map-places tbody tr").Filter(new() { HasTextRegex = new Regex("^\\s*Nantes") })).ToHaveCountAsync(1);

        // ---- 5. The calendar: the visit (last week, greyed), the agreement's expiry in 45 days and its 30-day notice.
        await v.OpenAsync($"/{O}/calendar");
        await Expect(main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = visit })).ToHaveCountAsync(1);
        var expiry = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = v.T("Agreement expires: {0}", $"{code} — {title}") });
        await Expect(expiry).ToHaveCountAsync(1);
        await Expect(expiry.Locator("time").First).ToHaveAttributeAsync("datetime", Iso(expires));
        var notice = main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = v.T("Agreement expires in {0} days: {1}", 30, $"{code} — {title}") });
        await Expect(notice.Locator("time").First).ToHaveAttributeAsync("datetime", Iso(expires.AddDays(-30)));

        v.AssertNoProblems();
    }

    private static ILocator Localized(Visitor v, string groupKey, string languagePattern) =>
        v.Page.GetByRole(AriaRole.Group, new() { Name = v.T(groupKey), Exact = true }).GetByLabel(new Regex(languagePattern));

    private static Task Select(Visitor v, string labelKey, string optionText) =>
        v.Page.GetByLabel(v.T(labelKey), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = optionText });

    /// <summary>Chooses the option whose text starts with <paramref name="prefix"/> (agreements read "AG-0013 — its title").</summary>
    private static async Task SelectStartingWith(Visitor v, string labelKey, string prefix)
    {
        var select = v.Page.GetByLabel(v.T(labelKey), new() { Exact = true });
        var value = await select.Locator("option").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(prefix)) }).GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(value), $"No option starting with '{prefix}' in '{v.T(labelKey)}'.");
        await select.SelectOptionAsync(value!);
    }

    private static Task SaveAsync(Visitor v) =>
        v.FollowAsync(() => v.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = v.T("Save"), Exact = true }).ClickAsync());
}
