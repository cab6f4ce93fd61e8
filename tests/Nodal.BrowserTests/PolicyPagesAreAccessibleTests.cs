using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// A coordinator goes through the pages of the policy core (plans, objectives, actions, their forms) on the
/// demo's current plan, in the language she reads; axe finds nothing serious or critical on any.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyPagesAreAccessibleTests(NodalSite site, ITestOutputHelper output)
{
    private static readonly string O = NodalSite.Org;
    private static readonly Regex Guid36 = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    [Fact]
    public async Task The_plan_objective_and_action_pages_and_their_forms_pass_axe()
    {
        await using var v = await site.NewVisitorAsync(output, audit: true);
        await v.SignInAsync("ana.coordinadora@solmar.example");

        // The current plan, from the list of plans: the row tagged "Current".
        await v.OpenAsync($"/{O}/plans");
        var currentRow = v.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = v.T("Current") });
        await Expect(currentRow).ToHaveCountAsync(1);
        await v.FollowAsync(() => currentRow.GetByRole(AriaRole.Link).First.ClickAsync());
        var planPath = v.Path;
        Assert.Matches(new Regex($"^/{O}/plans/{Guid36}$"), planPath);
        await Expect(v.Page.Locator("#plan-status")).ToHaveTextAsync(v.T("Adopted"));

        // Links the plan page offers to one of each kind of record.
        var objectivePath = await HrefAsync(v, v.Page.GetByRole(AriaRole.Link), "/objectives/");
        var findingEditPath = await HrefAsync(v, v.Page.GetByRole(AriaRole.Link), "/analysis/");
        var axisEditPath = await HrefAsync(v, v.Page.GetByRole(AriaRole.Link), "/axes/");
        var objectiveEditPath = objectivePath + "/edit";

        // The overview draws charts in the page (server-side SVG): open it, then its data tables.
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Link, new() { Name = v.T("Overview and figures"), Exact = true }).ClickAsync());
        await Expect(v.Page.Locator("#figure-planned-share")).ToBeVisibleAsync();
        foreach (var summary in await v.Page.GetByText(v.T("The data as a table"), new() { Exact = true }).AllAsync())
            await summary.ClickAsync();
        await v.CheckAccessibilityAsync("every data table shown");

        // Versions, and a comparison of the adopted version with the plan as it is now.
        await v.OpenAsync(planPath);
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Link, new() { Name = v.T("Versions ({0})", 1), Exact = true }).ClickAsync());
        Assert.Equal($"{planPath}/versions", v.Path);
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = v.T("Compare"), Exact = true }).ClickAsync());
        await Expect(v.Page.Locator("#comparison")).ToBeVisibleAsync();

        // An objective, then the actions: the list, filtered, one action, its forms.
        await v.OpenAsync(objectivePath);
        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = v.T("Actions serving this objective"), Exact = true })).ToBeVisibleAsync();

        await v.OpenAsync($"/{O}/actions");
        var actionPath = await HrefAsync(v, v.Page.Locator("#action-list").GetByRole(AriaRole.Link), "/actions/");
        await v.OpenAsync($"/{O}/actions?status=InProgress");
        // The filters sit side by side; the SDG and country lists have long options, yet the page fits the window.
        await FitsTheWindowAsync(v);
        // A filter chosen in the form: htmx replaces the list in place, and the page is checked again.
        await v.Page.GetByLabel(v.T("Planned or reactive"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = v.T("Planned (today)") });
        await Expect(v.Page).ToHaveURLAsync(new Regex("origin=planned"));
        var rows = v.Page.Locator("#action-list tbody").GetByRole(AriaRole.Row);
        await Expect(rows.Filter(new() { HasText = v.T("Reactive") })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasNotText = v.T("In progress") })).ToHaveCountAsync(0);
        await Expect(rows.First).ToBeVisibleAsync();
        await v.CheckAccessibilityAsync("filtered in place: planned, in progress");
        await FitsTheWindowAsync(v);

        await v.OpenAsync(actionPath);
        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = v.T("Where it comes from"), Exact = true })).ToBeVisibleAsync();
        await v.OpenAsync($"{actionPath}/edit");
        await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = v.T("Change an action"), Exact = true })).ToBeVisibleAsync();
        await v.OpenAsync($"/{O}/actions/new");
        await Expect(v.Page.GetByRole(AriaRole.Radio, new() { Name = v.T("Reactive: it arrived as a request"), Exact = true })).ToBeVisibleAsync();
        // The same form sent empty: the error summary and the messages by the fields.
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = v.T("Save"), Exact = true }).ClickAsync());
        await Expect(v.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = v.T("There is a problem") })).ToBeVisibleAsync();

        // The plan's forms: new and existing finding, axis and objective, and the plan itself.
        foreach (var path in new[]
                 {
                     $"{planPath}/analysis/new", findingEditPath, $"{planPath}/axes/new", axisEditPath,
                     $"{planPath}/objectives/new", objectiveEditPath, $"{planPath}/edit", $"/{O}/plans/new",
                 })
        {
            await v.OpenAsync(path);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        }
        // A form sent back with errors.
        await v.OpenAsync($"{planPath}/objectives/new");
        await v.FollowAsync(() => v.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = v.T("Save"), Exact = true }).ClickAsync());
        await Expect(v.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = v.T("There is a problem") })).ToBeVisibleAsync();

        v.AssertNoProblems();
    }

    /// <summary>WCAG 1.4.10: nothing pushes the page wider than the window (1280 px here).</summary>
    private static async Task FitsTheWindowAsync(Visitor v)
    {
        var widths = await v.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{v.Path} is {widths[0]} px wide in a window of {widths[1]} px: it scrolls sideways.");
    }

    /// <summary>The first href among <paramref name="links"/> that goes to a record under <paramref name="part"/>.</summary>
    private static async Task<string> HrefAsync(Visitor v, ILocator links, string part)
    {
        foreach (var link in await links.AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            if (href is not null && href.Contains(part, StringComparison.Ordinal) && Guid36.IsMatch(href[(href.IndexOf(part, StringComparison.Ordinal) + part.Length)..]))
                return href;
        }
        throw new Xunit.Sdk.XunitException($"No link to {part}… on {v.Path}.");
    }
}
