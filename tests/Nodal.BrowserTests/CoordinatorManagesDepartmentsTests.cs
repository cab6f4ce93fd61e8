using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>A coordinator works in Spanish: adds a department, finds it, and reads its history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorManagesDepartmentsTests(NodalSite site, ITestOutputHelper output)
{
    private const string Email = "ana.coordinadora@solmar.example";
    private const string DisplayName = "Ana Beltrán";

    [Fact]
    public async Task Coordinator_in_Spanish_adds_a_department_finds_it_and_sees_its_creation_in_the_history()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        await v.SignInAsync(Email);
        await v.OpenAsync($"/{NodalSite.Org}");
        var menu = v.Page.Locator("#navigation");

        // Start from English so that choosing Spanish visibly changes the interface.
        await v.ChangeLanguageAsync("en");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Departments", Exact = true })).ToBeVisibleAsync();

        await v.ChangeLanguageAsync("es");
        Assert.Equal($"/{NodalSite.Org}", v.Path);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Departamentos", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Departments", Exact = true })).ToHaveCountAsync(0);

        await v.FollowAsync(() => menu.GetByRole(AriaRole.Link, new() { Name = "Departamentos", Exact = true }).ClickAsync());
        Assert.Equal($"/{NodalSite.Org}/departments", v.Path);
        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Departamentos");

        // Add a department with a code no one has.
        var code = "BT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var nameEs = $"Oficina de pruebas {code}";
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Link, new() { Name = v.T("Add a department"), Exact = true }).ClickAsync());
        Assert.Equal($"/{NodalSite.Org}/departments/new", v.Path);
        await v.Page.GetByLabel(new Regex("^Español")).FillAsync(nameEs);
        await v.Page.GetByLabel(new Regex("^English")).FillAsync($"Test office {code}");
        await v.Page.GetByLabel(v.T("Code"), new() { Exact = true }).FillAsync(code);
        await v.Page.GetByLabel(v.T("Email (optional)"), new() { Exact = true }).FillAsync($"{code.ToLowerInvariant()}@solmar.example");
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Button, new() { Name = v.T("Save"), Exact = true }).ClickAsync());

        var details = new Regex($"^/{NodalSite.Org}/departments/([0-9a-f-]{{36}})$");
        Assert.Matches(details, v.Path);
        var detailsPath = v.Path;
        await Expect(v.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(code);

        // Find it in the list by its code.
        await v.FollowAsync(() => menu.GetByRole(AriaRole.Link, new() { Name = "Departamentos", Exact = true }).ClickAsync());
        var search = v.Page.GetByRole(AriaRole.Searchbox, new() { Name = v.T("Search by name, code or email"), Exact = true });
        await search.FillAsync(code);
        await search.PressAsync("Enter");
        var rows = v.Page.Locator("#department-list").GetByRole(AriaRole.Row).Filter(new() { HasText = code });
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(v.Page.Locator("#department-list tbody").GetByRole(AriaRole.Row)).ToHaveCountAsync(1);
        await v.CheckAccessibilityAsync($"searched for {code}");

        // Open it and read its history.
        await v.FollowAsync(() => rows.GetByRole(AriaRole.Link, new() { Name = nameEs, Exact = true }).ClickAsync());
        Assert.Equal(detailsPath, v.Path);
        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(nameEs);
        var history = v.Page.GetByRole(AriaRole.Region, new() { Name = v.T("History"), Exact = true });
        await Expect(history.GetByRole(AriaRole.Heading, new() { Name = v.T("History"), Exact = true })).ToBeVisibleAsync();
        var created = history.GetByRole(AriaRole.Row).Filter(new() { HasText = v.T("Created") });
        await Expect(created).ToHaveCountAsync(1);
        await Expect(created).ToContainTextAsync(new Regex($"{Regex.Escape(DisplayName)}|{Regex.Escape(Email)}"));
        await Expect(created).ToContainTextAsync(code);

        v.AssertNoProblems();
    }
}
