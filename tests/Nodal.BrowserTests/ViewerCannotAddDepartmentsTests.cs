using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>A viewer reads the departments but is offered no way to add one, and is refused at the form's address.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerCannotAddDepartmentsTests(NodalSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Viewer_sees_no_add_button_and_gets_403_at_the_new_department_form()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        await v.SignInAsync("concejal@solmar.example");
        await v.OpenAsync($"/{NodalSite.Org}/departments");

        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = v.T("Departments") })).ToBeVisibleAsync();
        await Expect(v.Page.Locator("#department-list tbody").GetByRole(AriaRole.Row).First).ToBeVisibleAsync();
        await Expect(v.Page.GetByRole(AriaRole.Link, new() { Name = v.T("Add a department") })).ToHaveCountAsync(0);
        await Expect(v.Page.GetByRole(AriaRole.Link, new() { Name = "Add a department" })).ToHaveCountAsync(0);
        await Expect(v.Page.Locator($"a[href='/{NodalSite.Org}/departments/new']")).ToHaveCountAsync(0);

        await v.OpenAsync($"/{NodalSite.Org}/departments/new", expectedStatus: 403);
        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(v.T("You cannot do this"));
        await Expect(v.Page.Locator("form input[name='Input.Code']")).ToHaveCountAsync(0);

        v.AssertNoProblems();
    }
}
