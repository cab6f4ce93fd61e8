using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Data;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// Accounts are global: an organization's administrator must not take over (reset, unlock) an account that also
/// opens other organizations, or a site administrator's. Stale member and profile edits show the saved values.
/// </summary>
public abstract class AccountSecurityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string SolmarAdmin = "lucia.admin@solmar.example";

    private static string Email(string what) => $"{what}{Guid.NewGuid().ToString("N")[..8]}@accounts.example";

    /// <summary>A person with a password and a Viewer membership in each organization named.</summary>
    private async Task<Guid> CreatePersonAsync(string email, params string[] slugs)
    {
        using var scope = app.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NodalUser>>();
        var user = new NodalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Persona " + email[..6], CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestApp.DemoPassword)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
        foreach (var slug in slugs)
            db.Memberships.Add(new Membership { OrganizationId = await app.OrgIdAsync(slug), UserId = user.Id, Role = OrgRole.Viewer });
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<Guid> MembershipIdAsync(string email, string slug = Seeder.DemoSlug)
    {
        var org = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(db => (from m in db.Memberships
                                            join u in db.Users on m.UserId equals u.Id
                                            where u.NormalizedEmail == email.ToUpperInvariant()
                                            select m.Id).SingleAsync(), org);
    }

    private Task LockAsync(Guid userId) => app.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
        return await db.SaveChangesAsync();
    });

    private Task<bool> IsLockedAsync(Guid userId) =>
        app.WithDbAsync(async db => (await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).LockoutEnd > DateTimeOffset.UtcNow);

    private async Task<List<string>> AccountEventsAsync(Guid membershipId, string slug = Seeder.DemoSlug) => await app.WithDbAsync(async db =>
        (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == membershipId && a.Changes.Contains("\"Account\""))
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync()).Select(a => a.UserName + " " + a.Changes).ToList(), await app.OrgIdAsync(slug));

    private static Task<HttpResponseMessage> PostHandlerAsync(WebClient client, Guid membershipId, string handler) =>
        client.PostFormAsync($"/solmar/members/{membershipId}?handler={handler}", new(), formPage: $"/solmar/members/{membershipId}");

    [Fact]
    public async Task An_organization_administrator_cannot_reset_or_unlock_a_site_administrator_of_both_organizations()
    {
        using var admin = await app.SignInAsync(SolmarAdmin);
        var membership = await MembershipIdAsync(TestApp.AdminEmail);

        var page = await admin.GetHtmlAsync($"/solmar/members/{membership}");
        Assert.Contains("id=\"account-refusal\"", page);
        Assert.Contains("es administrador del sitio", page); // Lucía reads Nodal in Spanish
        Assert.DoesNotContain("handler=Reset", page);

        var reset = await PostHandlerAsync(admin, membership, "Reset");
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        var html = await reset.Content.ReadAsStringAsync();
        Assert.DoesNotContain("reset-link", html);
        Assert.DoesNotContain("set-password", html);
        Assert.Contains("Solo la propia persona puede cambiar la contraseña", html);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostHandlerAsync(admin, membership, "Unlock")).StatusCode);
        Assert.Empty(await AccountEventsAsync(membership));
    }

    [Fact]
    public async Task An_organization_administrator_cannot_reset_or_unlock_a_member_of_another_organization_too()
    {
        var email = Email("both");
        var userId = await CreatePersonAsync(email, Seeder.DemoSlug, Seeder.SecondDemoSlug);
        await LockAsync(userId);
        var membership = await MembershipIdAsync(email);
        using var admin = await app.SignInAsync(SolmarAdmin);

        var page = await admin.GetHtmlAsync($"/solmar/members/{membership}");
        Assert.Contains("también pertenece a otras organizaciones", page);
        Assert.DoesNotContain("handler=Unlock", page);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostHandlerAsync(admin, membership, "Unlock")).StatusCode);
        Assert.True(await IsLockedAsync(userId), "the account stays locked");
        var reset = await PostHandlerAsync(admin, membership, "Reset");
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.DoesNotContain("set-password", await reset.Content.ReadAsStringAsync());
        Assert.Empty(await AccountEventsAsync(membership));

        // The person of another organization only is not even visible from solmar.
        var costaOnly = Email("costa");
        await CreatePersonAsync(costaOnly, Seeder.SecondDemoSlug);
        var costaMembership = await MembershipIdAsync(costaOnly, Seeder.SecondDemoSlug);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/solmar/members/{costaMembership}")).StatusCode);
        var across = await admin.PostFormAsync($"/solmar/members/{costaMembership}?handler=Reset", new(), formPage: $"/solmar/members/{membership}");
        Assert.Equal(HttpStatusCode.NotFound, across.StatusCode);
        Assert.Empty(await AccountEventsAsync(costaMembership, Seeder.SecondDemoSlug));
    }

    [Fact]
    public async Task An_organization_administrator_resets_and_unlocks_a_member_of_their_organization_alone_and_the_history_shows_it()
    {
        var email = Email("solo");
        var userId = await CreatePersonAsync(email, Seeder.DemoSlug);
        var membership = await MembershipIdAsync(email);
        using var admin = await app.SignInAsync(SolmarAdmin);

        var reset = await PostHandlerAsync(admin, membership, "Reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var html = await reset.Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(Regex.Match(html, "id=\"reset-link\">([^<]+)<").Groups[1].Value);
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/account/set-password", link);

        await LockAsync(userId);
        var unlock = await PostHandlerAsync(admin, membership, "Unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.False(await IsLockedAsync(userId));

        // The audit trail names who did it and what, never the link or its token.
        var events = await AccountEventsAsync(membership);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.StartsWith(SolmarAdmin, e));
        Assert.Contains("PasswordResetLink", events[0]);
        Assert.Contains("Unlocked", events[1]);
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        Assert.All(events, e => Assert.DoesNotContain(token[..12], e));
        Assert.All(events, e => Assert.DoesNotContain("set-password", e));

        var page = await admin.GetHtmlAsync($"/solmar/members/{membership}");
        var history = page[page.IndexOf("id=\"history-title\"", StringComparison.Ordinal)..];
        Assert.Contains("Se creó un enlace para restablecer la contraseña", history);
        Assert.Contains("Se desbloqueó la cuenta", history);
        Assert.Contains(SolmarAdmin, history);

        // The link works: the person chooses a password and signs in.
        using var person = WebClient.Create(app.BaseAddress);
        var pathAndQuery = new Uri(link).PathAndQuery;
        var set = await person.PostFormAsync(pathAndQuery, new() { ["Input.Password"] = "Reset-Password-2026", ["Input.Confirm"] = "Reset-Password-2026" }, formPage: pathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using var signedIn = await app.SignInAsync(email, "Reset-Password-2026");
    }

    [Fact]
    public async Task A_site_administrator_resets_a_member_of_several_organizations()
    {
        var email = Email("multi");
        await CreatePersonAsync(email, Seeder.DemoSlug, Seeder.SecondDemoSlug);
        var membership = await MembershipIdAsync(email);
        using var site = await app.SignInAsync(TestApp.AdminEmail);

        var page = await site.GetHtmlAsync($"/solmar/members/{membership}");
        Assert.DoesNotContain("id=\"account-refusal\"", page);
        var reset = await PostHandlerAsync(site, membership, "Reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("id=\"reset-link\"", await reset.Content.ReadAsStringAsync());
        var events = await AccountEventsAsync(membership);
        Assert.Single(events);
        Assert.StartsWith(TestApp.AdminEmail, events[0]);
    }

    [Fact]
    public async Task Only_a_site_administrator_adds_an_existing_account_which_then_gives_no_power_over_its_password()
    {
        var email = Email("exist");
        await CreatePersonAsync(email, Seeder.SecondDemoSlug);

        // Solmar's administrator cannot let in, on the strength of an address, an account another organization made.
        using var lucia = await app.SignInAsync(SolmarAdmin);
        var refused = await lucia.PostFormAsync("/solmar/members/invite", new() { ["Input.Email"] = email, ["Input.Role"] = "Viewer" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("solo un administrador del sitio puede añadir una cuenta existente a otra organización", await refused.Content.ReadAsStringAsync());
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        Assert.Equal(0, await app.WithDbAsync(db => db.Memberships.CountAsync(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)), solmar));

        // A site administrator, who checks who the person is, can; the page says so and shows no link.
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        var stampBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync());
        var invited = await admin.PostFormAsync("/solmar/members/invite", new() { ["Input.Email"] = email, ["Input.Role"] = "Viewer" });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var html = await invited.Content.ReadAsStringAsync();
        Assert.Contains("id=\"member-added\"", html);
        Assert.Contains("already had an account and was added to the organization", html);
        Assert.DoesNotContain("invitation-link", html);
        Assert.DoesNotContain("set-password", html);
        // Links to set its password made before (by any organization) no longer work.
        Assert.NotEqual(stampBefore, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync()));

        var membership = await MembershipIdAsync(email);
        var events = await AccountEventsAsync(membership);
        Assert.Single(events);
        Assert.Contains("ExistingAccountAdded", events[0]);
        Assert.Contains("Se añadió a la organización una cuenta que ya existía", await lucia.GetHtmlAsync($"/solmar/members/{membership}"));

        // The membership gives Solmar's administrator no power over the account, which also opens costa-alta.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostHandlerAsync(lucia, membership, "Reset")).StatusCode);
    }

    [Fact]
    public async Task A_stale_member_edit_shows_the_saved_role_and_department_and_a_second_save_replaces_them()
    {
        var email = Email("stale");
        await CreatePersonAsync(email, Seeder.DemoSlug);
        var membership = await MembershipIdAsync(email);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var (mob, cul) = await app.WithDbAsync(async db => (
            await db.Departments.Where(d => d.Code == "MOB").Select(d => d.Id).SingleAsync(),
            await db.Departments.Where(d => d.Code == "CUL").Select(d => d.Id).SingleAsync()), solmar);
        var version = await app.WithDbAsync(db => db.Memberships.Where(m => m.Id == membership).Select(m => m.Version).SingleAsync(), solmar);

        // Someone else makes the person a focal point of mobility meanwhile.
        await app.WithDbAsync(async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.Id == membership);
            m.Role = OrgRole.FocalPoint;
            m.DepartmentId = mob;
            return await db.SaveChangesAsync();
        }, solmar);

        using var admin = await app.SignInAsync(SolmarAdmin);
        var stale = await admin.PostFormAsync($"/solmar/members/{membership}", new()
        {
            ["Input.Role"] = "Contributor", ["Input.DepartmentId"] = cul.ToString(), ["Input.Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        var conflict = Regex.Match(html, "id=\"conflict\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Otra persona modificó este registro", conflict);
        Assert.Contains("Punto focal del departamento", conflict);
        Assert.Contains("MOB", conflict);
        var formVersion = Regex.Match(html, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal((version + 1).ToString(), formVersion);
        Assert.Equal(OrgRole.FocalPoint, await app.WithDbAsync(db => db.Memberships.Where(m => m.Id == membership).Select(m => m.Role).SingleAsync(), solmar));

        var again = await admin.PostFormAsync($"/solmar/members/{membership}", new()
        {
            ["Input.Role"] = "Contributor", ["Input.DepartmentId"] = cul.ToString(), ["Input.Version"] = formVersion,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == membership), solmar);
        Assert.Equal((OrgRole.Contributor, (Guid?)cul), (saved.Role, saved.DepartmentId));
    }

    [Fact]
    public async Task A_stale_profile_edit_shows_the_saved_values_of_the_fields_that_differ()
    {
        var org = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var before = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org));
        await app.WithDbAsync(async db =>
        {
            var o = await db.Organizations.SingleAsync(x => x.Id == org);
            o.Website = "https://saved-by-someone-else.example";
            o.Population = 123457;
            return await db.SaveChangesAsync();
        }, org);

        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        var form = new Dictionary<string, string>
        {
            ["Input.Name.Es"] = before.Name.Es ?? "", ["Input.Name.En"] = before.Name.En ?? "", ["Input.Name.Fr"] = before.Name.Fr ?? "",
            ["Input.Kind"] = before.Kind.ToString(), ["Input.Country"] = before.Country,
            ["Input.Population"] = before.Population?.ToString() ?? "", ["Input.WorkingLanguages"] = before.DefaultLanguage,
            ["Input.DefaultLanguage"] = before.DefaultLanguage, ["Input.Currency"] = before.Currency,
            ["Input.Website"] = "https://mine.example", ["Input.DormancyMonths"] = before.DormancyMonths.ToString(),
            ["Input.Version"] = before.Version.ToString(),
        };
        var stale = await admin.PostFormAsync("/costa-alta/profile/edit", form);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this record", html);
        var values = Regex.Match(html, "id=\"conflict-values\"[^>]*>(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("https://saved-by-someone-else.example", values);
        Assert.Contains("123,457", values);
        Assert.DoesNotContain("Currency", values);
        Assert.DoesNotContain("Kind of government", values);

        form["Input.Version"] = Regex.Match(html, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var again = await admin.PostFormAsync("/costa-alta/profile/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("https://mine.example", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == org).Select(o => o.Website).SingleAsync()));
    }

    [Fact]
    public async Task A_person_changes_their_own_password_on_their_profile()
    {
        var email = Email("self");
        await CreatePersonAsync(email, Seeder.DemoSlug, Seeder.SecondDemoSlug);
        using var person = await app.SignInAsync(email, TestApp.DemoPassword);

        var wrong = await person.PostFormAsync("/account?handler=Password", new()
        {
            ["Password.Current"] = "Not-The-Password-1", ["Password.Password"] = "Changed-Password-2026", ["Password.Confirm"] = "Changed-Password-2026",
        }, formPage: "/account");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The current password is wrong.", await wrong.Content.ReadAsStringAsync());

        var changed = await person.PostFormAsync("/account?handler=Password", new()
        {
            ["Password.Current"] = TestApp.DemoPassword, ["Password.Password"] = "Changed-Password-2026", ["Password.Confirm"] = "Changed-Password-2026",
        }, formPage: "/account");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var again = await app.SignInAsync(email, "Changed-Password-2026");
    }
}

public sealed class AccountSecurityTestsOnSqlite(SqliteApp app) : AccountSecurityTests<SqliteApp>(app);
public sealed class AccountSecurityTestsOnPostgres(PostgresApp app) : AccountSecurityTests<PostgresApp>(app);
