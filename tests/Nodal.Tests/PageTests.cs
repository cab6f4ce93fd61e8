using System.Net;
using Microsoft.EntityFrameworkCore;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>The pages as a browser uses them (forms, cookies, redirects), on each database.</summary>
public abstract class PageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string Viewer = "concejal@solmar.example";
    private const string FocalPointCulture = "ines.cultura@solmar.example";

    [Fact]
    public async Task Pages_ask_for_sign_in()
    {
        using var anonymous = WebClient.Create(app.BaseAddress);
        var response = await anonymous.GetAsync("/solmar/departments");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace(app.BaseAddress.ToString(), "/"));
    }

    [Fact]
    public async Task A_wrong_password_five_times_locks_the_account()
    {
        var email = "universidad@solmar.example";
        using var client = WebClient.Create(app.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            var html = await (await client.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" })).Content.ReadAsStringAsync();
            Assert.Contains("govuk-error-summary", html);
        }
        var locked = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_coordinator_adds_a_department_and_sees_it_listed_and_in_its_history()
    {
        using var client = await app.SignInAsync(Coordinator);
        var code = "P" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var saved = await client.PostFormAsync("/solmar/departments/new", new()
        {
            ["Input.Name.Es"] = "Juventud", ["Input.Name.En"] = "Youth", ["Input.Name.Fr"] = "Jeunesse", ["Input.Code"] = code,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Youth", details);
        Assert.Contains(Coordinator, details); // the History panel names who created it
        Assert.Contains(">Nombre (es)</dt>", details); // each field as the form names it, in the reader's language
        Assert.Contains(">Código</dt>", details);
        Assert.DoesNotContain(">Name.Es</dt>", details);
        var list = await client.GetHtmlAsync($"/solmar/departments?q={code}");
        Assert.Contains(code, list);
        Assert.DoesNotContain(">MOB<", list); // the search narrowed the list
    }

    [Fact]
    public async Task An_htmx_search_answers_only_the_list_and_a_plain_search_the_whole_page()
    {
        using var client = await app.SignInAsync(Viewer);
        var request = new HttpRequestMessage(HttpMethod.Get, "/solmar/departments?q=MOB");
        request.Headers.Add("HX-Request", "true");
        var partial = await (await client.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", partial);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(partial, "id=\"department-list\""));
        Assert.Contains(">MOB<", partial);
        Assert.DoesNotContain(">CUL<", partial);
        var full = await client.GetHtmlAsync("/solmar/departments?q=MOB");
        Assert.Contains("<html", full);
        Assert.Contains(">MOB<", full);
    }

    [Fact]
    public async Task The_second_page_of_a_list_shows_the_next_records()
    {
        using var client = await app.SignInAsync(Viewer);
        static string[] Codes(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<span class=\"nodal-code\">([A-Z0-9_-]+)</span>").Select(m => m.Groups[1].Value).ToArray();
        var first = Codes(await client.GetHtmlAsync("/solmar/departments?sort=code&pageSize=5&page=1"));
        var second = Codes(await client.GetHtmlAsync("/solmar/departments?sort=code&pageSize=5&page=2"));
        Assert.Equal(5, first.Length);
        Assert.Equal(5, second.Length);
        Assert.Empty(first.Intersect(second));
        Assert.True(string.CompareOrdinal(first[^1], second[0]) < 0);
    }

    [Fact]
    public async Task An_invalid_form_shows_the_errors_next_to_the_fields_and_saves_nothing()
    {
        using var client = await app.SignInAsync(TestApp.AdminEmail, language: "fr"); // no stored preference: the browser's French
        var before = await app.WithDbAsync(db => db.Departments.IgnoreQueryFilters().CountAsync());
        var response = await client.PostFormAsync("/solmar/departments/new", new() { ["Input.Name.En"] = "No Spanish name", ["Input.Code"] = "bad code", ["Input.Email"] = "nope" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("id=\"Input_Name_Es-error\"", html);
        Assert.Contains("id=\"Input_Code-error\"", html);
        Assert.Contains("id=\"Input_Email-error\"", html);
        Assert.Contains("value=\"No Spanish name\"", html); // what the person typed is kept
        Assert.Contains("Il y a un problème", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Departments.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_the_current_values()
    {
        using var client = await app.SignInAsync(Coordinator);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var dept = await app.WithDbAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Code == "SAL"), solmar);
        var first = await client.PostFormAsync($"/solmar/departments/{dept.Id}/edit", new()
        {
            ["Input.Name.Es"] = "Salud Pública y Consumo", ["Input.Code"] = "SAL", ["Input.Version"] = dept.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.PostFormAsync($"/solmar/departments/{dept.Id}/edit", new()
        {
            ["Input.Name.Es"] = "Sanidad", ["Input.Code"] = "SAL", ["Input.Version"] = dept.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("Salud Pública y Consumo", html);
        var now = await app.WithDbAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == dept.Id), solmar);
        Assert.Equal("Salud Pública y Consumo", now.Name.Es);
    }

    [Fact]
    public async Task Another_organizations_records_are_not_found_on_any_page()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var (dept, year, membership) = await app.WithDbAsync(async db => (
            await db.Departments.Select(d => d.Id).FirstAsync(),
            await db.OfficeYears.Select(y => y.Id).FirstAsync(),
            await db.Memberships.Select(m => m.Id).FirstAsync()), costaAlta);
        using var admin = await app.SignInAsync(TestApp.AdminEmail); // member of both organizations
        foreach (var url in new[]
                 {
                     $"/solmar/departments/{dept}", $"/solmar/departments/{dept}/edit", $"/solmar/office/years/{year}/edit",
                     $"/solmar/office/units/{year}/edit", $"/solmar/members/{membership}",
                 })
        {
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        }
        var post = await admin.PostFormAsync($"/solmar/departments/{dept}?handler=Delete", new() { ["version"] = "0" }, formPage: "/solmar/departments");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Departments.IgnoreQueryFilters().CountAsync(d => d.DeletedAt != null && d.OrganizationId == costaAlta)));

        using var coordinator = await app.SignInAsync(Coordinator); // member of Solmar only
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/costa-alta")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/costa-alta/departments")).StatusCode);
    }

    [Fact]
    public async Task Roles_decide_what_each_person_may_open_and_change()
    {
        using var viewer = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/solmar/departments")).StatusCode);
        Assert.DoesNotContain("/solmar/departments/new", await viewer.GetHtmlAsync("/solmar/departments"));
        foreach (var url in new[] { "/solmar/departments/new", "/solmar/members", "/solmar/trash", "/solmar/profile/edit", "/solmar/office/units/new" })
            Assert.True((await viewer.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"viewer GET {url}");

        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var (cul, mob) = await app.WithDbAsync(async db => (
            await db.Departments.AsNoTracking().SingleAsync(d => d.Code == "CUL"),
            await db.Departments.AsNoTracking().SingleAsync(d => d.Code == "MOB")), solmar);
        using var focal = await app.SignInAsync(FocalPointCulture);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/solmar/departments/{cul.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync($"/solmar/departments/{mob.Id}/edit")).StatusCode);
        var sneaky = await focal.PostFormAsync($"/solmar/departments/{mob.Id}/edit",
            new() { ["Input.Name.Es"] = "Hackeado", ["Input.Code"] = "MOB", ["Input.Version"] = mob.Version.ToString() }, formPage: $"/solmar/departments/{cul.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, sneaky.StatusCode);
        Assert.NotEqual("Hackeado", (await app.WithDbAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == mob.Id), solmar)).Name.Es);
    }

    [Fact]
    public async Task The_interface_speaks_the_chosen_language_and_remembers_it()
    {
        using var client = await app.SignInAsync(TestApp.AdminEmail, language: "en"); // no stored preference yet
        Assert.Contains(">Departments<", await client.GetHtmlAsync("/solmar/departments"));
        var switched = await client.PostFormAsync("/account/language", new() { ["language"] = "fr", ["returnUrl"] = "/solmar/departments" }, formPage: "/solmar/departments");
        Assert.Equal("/solmar/departments", switched.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        using var freshBrowser = await app.SignInAsync(TestApp.AdminEmail, language: "en"); // the choice follows the account
        var french = await freshBrowser.GetHtmlAsync("/solmar/departments");
        Assert.Contains("lang=\"fr\"", french);
        Assert.DoesNotContain(">Departments<", french);
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.AdminEmail).Select(u => u.PreferredLanguage).SingleAsync());
        Assert.Equal("fr", stored);
    }

    [Fact]
    public async Task Deleting_moves_to_the_trash_and_restoring_brings_it_back()
    {
        using var client = await app.SignInAsync(Coordinator);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var unit = await app.WithDbAsync(db => db.OfficeUnits.AsNoTracking().OrderBy(u => u.SortOrder).FirstAsync(), solmar);
        var deleted = await client.PostFormAsync($"/solmar/office/units/{unit.Id}/edit?handler=Delete", new(), formPage: $"/solmar/office/units/{unit.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain($"/solmar/office/units/{unit.Id}/edit", await client.GetHtmlAsync("/solmar/office"));
        Assert.Contains(unit.Name.Es!, await client.GetHtmlAsync("/solmar/trash"));
        var restored = await client.PostFormAsync("/solmar/trash?handler=Restore", new() { ["kind"] = "OfficeUnit", ["id"] = unit.Id.ToString() }, formPage: "/solmar/trash");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains($"/solmar/office/units/{unit.Id}/edit", await client.GetHtmlAsync("/solmar/office"));
    }

    [Fact]
    public async Task An_administrator_invites_a_focal_point_who_sets_a_password_and_signs_in()
    {
        using var admin = await app.SignInAsync("lucia.admin@solmar.example");
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var tur = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == "TUR").Select(d => d.Id).SingleAsync(), solmar);
        var email = $"tur{Guid.NewGuid().ToString("N")[..8]}@solmar.example";
        var invited = await admin.PostFormAsync("/solmar/members/invite", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Rosa Turismo", ["Input.Role"] = "FocalPoint", ["Input.DepartmentId"] = tur.ToString(),
        });
        var html = await invited.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(html, "id=\"invitation-link\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/account/set-password", System.Net.WebUtility.HtmlDecode(link));

        using var person = WebClient.Create(app.BaseAddress);
        var pathAndQuery = new Uri(System.Net.WebUtility.HtmlDecode(link)).PathAndQuery;
        var set = await person.PostFormAsync(pathAndQuery, new() { ["Input.Password"] = "New-Password-2026", ["Input.Confirm"] = "New-Password-2026" }, formPage: pathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using var signedIn = await app.SignInAsync(email, "New-Password-2026");
        Assert.Contains("/solmar", await signedIn.GetHtmlAsync("/"));
    }
}

public sealed class PageTestsOnSqlite(SqliteApp app) : PageTests<SqliteApp>(app);
public sealed class PageTestsOnPostgres(PostgresApp app) : PageTests<PostgresApp>(app);
