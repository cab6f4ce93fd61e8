using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Someone in several organizations switches from the organization menu; someone in one sees no switcher.</summary>
public abstract class OrganizationSwitchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_member_of_two_organizations_switches_from_the_menu_and_a_member_of_one_sees_no_switcher()
    {
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        var solmar = await admin.GetHtmlAsync($"/{Seeder.DemoSlug}/departments");
        Assert.Contains("Switch organization", solmar);
        Assert.Contains($"href=\"/{Seeder.SecondDemoSlug}\"", solmar);
        Assert.DoesNotContain($"<li><a class=\"govuk-link\" href=\"/{Seeder.DemoSlug}\">", solmar); // not the one shown

        var costaAlta = await admin.GetHtmlAsync($"/{Seeder.SecondDemoSlug}/departments");
        Assert.Contains($"<li><a class=\"govuk-link\" href=\"/{Seeder.DemoSlug}\">", costaAlta);
        Assert.Contains("PUE", costaAlta); // Costa Alta's port department, under its own URL

        using var coordinator = await app.SignInAsync("ana.coordinadora@solmar.example");
        Assert.DoesNotContain("Cambiar de organización", await coordinator.GetHtmlAsync($"/{Seeder.DemoSlug}/departments"));
        Assert.DoesNotContain("Switch organization", await coordinator.GetHtmlAsync($"/{Seeder.DemoSlug}/departments"));
    }
}

public sealed class OrganizationSwitchTestsOnSqlite(SqliteApp app) : OrganizationSwitchTests<SqliteApp>(app);
public sealed class OrganizationSwitchTestsOnPostgres(PostgresApp app) : OrganizationSwitchTests<PostgresApp>(app);
