using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>A coordinator sends the new-department form empty: the page says what is wrong, where, and adds nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorCorrectsAnInvalidDepartmentTests(NodalSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Empty_name_and_code_show_an_error_summary_and_errors_by_the_fields_and_add_nothing()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        await v.SignInAsync("tomas.coordinador@solmar.example");
        await v.OpenAsync($"/{NodalSite.Org}/departments/new");
        var before = await site.CountDepartmentsAsync();

        var response = await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Button, new() { Name = v.T("Save"), Exact = true }).ClickAsync());

        Assert.Equal($"/{NodalSite.Org}/departments/new", v.Path);
        Assert.Equal(200, response?.Status);
        var nameError = v.T("Enter the name in {0}, the organization's main language.", "Español");
        var codeError = v.T("Enter a short code, such as MOB.");

        // The summary at the top, linking to each field.
        var summary = v.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = v.T("There is a problem") });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = nameError, Exact = true })).ToHaveAttributeAsync("href", "#Input_Name_Es");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = codeError, Exact = true })).ToHaveAttributeAsync("href", "#Input_Code");

        // The message by each field, tied to it for screen readers.
        var code = v.Page.GetByLabel(v.T("Code"), new() { Exact = true });
        await Expect(v.Page.Locator("#Input_Code-error")).ToBeVisibleAsync();
        await Expect(v.Page.Locator("#Input_Code-error")).ToContainTextAsync(codeError);
        await Expect(code).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex(@"(^|\s)Input_Code-error(\s|$)"));
        await Expect(code).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(codeError)));
        var name = v.Page.Locator("#Input_Name_Es");
        await Expect(v.Page.Locator("#Input_Name_Es-error")).ToContainTextAsync(nameError);
        await Expect(name).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex(@"(^|\s)Input_Name_Es-error(\s|$)"));

        // The summary's link takes the keyboard to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = codeError, Exact = true }).ClickAsync();
        await Expect(code).ToBeFocusedAsync();

        Assert.Equal(before, await site.CountDepartmentsAsync());
        v.AssertNoProblems();
    }
}
