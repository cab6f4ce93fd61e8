using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>An administrator browsing in English goes through every page of the organization; axe finds nothing serious on any.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorPagesAreAccessibleTests(NodalSite site, ITestOutputHelper output)
{
    private static readonly string O = NodalSite.Org;

    [Fact]
    public async Task Every_page_an_administrator_can_open_passes_axe_in_English()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        await v.SignInAsync("lucia.admin@solmar.example");
        await v.OpenAsync($"/{O}");
        if (v.Language != "en") await v.ChangeLanguageAsync("en");
        await Expect(v.Page.Locator("#navigation").GetByRole(AriaRole.Link, new() { Name = "Departments", Exact = true })).ToBeVisibleAsync();

        // A department to open: the first one of the list.
        await v.OpenAsync($"/{O}/departments");
        var firstDepartment = await v.Page.Locator("#department-list tbody").GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
        Assert.NotNull(firstDepartment);

        string[] pages =
        [
            $"/{O}", $"/{O}/departments", $"/{O}/departments/new", firstDepartment!,
            $"/{O}/profile", $"/{O}/office", $"/{O}/trash", $"/{O}/history", $"/{O}/members",
            "/account", "/api/docs",
        ];
        var statuses = new List<string>();
        foreach (var path in pages)
        {
            // The API reference is drawn by script: audit it once its operations' examples are there.
            var status = await v.TryOpenAsync(path, readyWhen: path == "/api/docs" ? ".hljs;.endpoint-method" : null);
            statuses.Add($"{path}: {status}");
            if (status == 200 && !path.StartsWith("/api/", StringComparison.Ordinal))
                Assert.True(v.Language == "en", $"{path} is in '{v.Language}', not in English.");
        }
        output.WriteLine("Pages: " + string.Join(", ", statuses));

        // The department pages are finished: they must answer.
        Assert.Contains($"/{O}/departments: 200", statuses);
        Assert.Contains($"{firstDepartment}: 200", statuses);
        v.AssertNoProblems();
    }

    [Fact]
    public async Task Pages_run_without_console_errors_under_the_content_security_policy()
    {
        await using var v = await site.NewVisitorAsync(output, audit: false);
        await v.SignInAsync("lucia.admin@solmar.example");
        foreach (var path in new[] { $"/{O}", $"/{O}/departments", $"/{O}/departments/new", $"/{O}/history", "/account" })
            await v.TryOpenAsync(path);
        // A search goes through htmx: its request and swap must run under the policy too.
        await v.OpenAsync($"/{O}/departments");
        await v.Page.GetByRole(AriaRole.Searchbox).FillAsync("MOB");
        await v.Page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await Expect(v.Page.Locator("#department-list tbody").GetByRole(AriaRole.Row).Filter(new() { HasText = "MOB" })).ToHaveCountAsync(1);
        v.AssertNoProblems();
        v.AssertNoConsoleErrors();
    }
}
