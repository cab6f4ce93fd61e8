using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core.Auditing;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>The organization's whole history, filtered by kind of record, person, dates and words, on the page and in the API.</summary>
public abstract class HistoryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    [Fact]
    public async Task The_trail_is_found_by_kind_person_dates_and_words_and_a_viewer_reads_it()
    {
        // Two changes of ours: a department the coordinator adds, a unit the admin adds.
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var code = "H" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/v1/departments", new { name = new { es = $"Archivo histórico {code}" }, code })).StatusCode);
        using var admin = await app.ApiClientAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/office/units", new { name = new { es = $"Unidad {code}" }, staff = 2 })).StatusCode);

        using var viewer = await app.ApiClientAsync(Viewer);
        var byWords = (await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}"))!;
        Assert.Equal(2, (int)byWords["total"]!);

        var departments = (await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}&kind=Department"))!;
        var only = Assert.Single(departments["items"]!.AsArray());
        Assert.Equal("Department", (string)only!["entityType"]!);
        Assert.Equal("Created", (string)only["action"]!);
        Assert.Contains(code, (string)only["label"]!);

        var byPerson = (await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}&who=ana.coord"))!;
        Assert.Equal("Department", (string)Assert.Single(byPerson["items"]!.AsArray())!["entityType"]!);

        // Dates are inclusive; a range in the past finds nothing of today.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal(2, (int)(await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}&from={today}&to={today}"))!["total"]!);
        Assert.Equal(0, (int)(await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}&to=2020-01-01"))!["total"]!);

        // Newest first by default; oldest first on request; one per page.
        var newest = (await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}&pageSize=1"))!;
        var oldest = (await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={code}&pageSize=1&order=oldest"))!;
        Assert.Equal("OfficeUnit", (string)newest["items"]![0]!["entityType"]!);
        Assert.Equal("Department", (string)oldest["items"]![0]!["entityType"]!);
        Assert.Equal(2, (int)newest["total"]!);

        // The page: the same filters, each change named by its kind in the reader's language.
        using var page = await app.SignInAsync(Viewer, language: "es");
        var html = await page.GetHtmlAsync($"/{Seeder.DemoSlug}/history?q={code}");
        Assert.Contains("2 cambios coinciden.", html);
        Assert.Contains($"Departamento: {code} — Archivo histórico {code}", html);
        Assert.Contains($"Unidad de la ORI: Unidad {code}", html);
        var filtered = await page.GetHtmlAsync($"/{Seeder.DemoSlug}/history?q={code}&kind=OfficeUnit");
        Assert.Contains("1 cambio coincide.", filtered);
        Assert.DoesNotContain($"Archivo histórico {code}", filtered);
    }

    [Fact]
    public async Task Members_and_contacts_are_in_the_history_only_for_those_who_may_see_them_elsewhere()
    {
        // An administrator sees a membership named by the person's email, and contacts' changes.
        using var admin = await app.ApiClientAsync(TestApp.AdminEmail);
        var members = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/history?kind=Member&q=concejal"))!;
        Assert.Equal("concejal@solmar.example (Viewer)", (string)members["items"]![0]!["label"]!);
        Assert.True((int)(await admin.GetFromJsonAsync<JsonObject>("/api/v1/history?kind=Contact"))!["total"]! > 0);

        // A viewer, who may not read contacts nor manage members, finds none of them, filtered or not.
        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(0, (int)(await viewer.GetFromJsonAsync<JsonObject>("/api/v1/history?kind=Member"))!["total"]!);
        Assert.Equal(0, (int)(await viewer.GetFromJsonAsync<JsonObject>("/api/v1/history?kind=Contact"))!["total"]!);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var visible = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType != "Membership" && a.EntityType != "Contact" && a.EntityType != "ApiToken"), solmar);
        Assert.Equal(visible, (int)(await viewer.GetFromJsonAsync<JsonObject>("/api/v1/history"))!["total"]!);
        using var page = await app.SignInAsync(Viewer, language: "es");
        var html = await page.GetHtmlAsync($"/{Seeder.DemoSlug}/history?q=concejal");
        Assert.DoesNotContain("concejal@solmar.example (Viewer)", html);
        Assert.DoesNotContain("<option value=\"Contact\"", html);
    }

    [Fact]
    public async Task Another_organizations_changes_never_appear()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreignLabel = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Label).FirstAsync(), costaAlta);
        using var admin = await app.ApiClientAsync(TestApp.AdminEmail); // member of both, token for Solmar
        var found = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/history?q={Uri.EscapeDataString(foreignLabel)}&pageSize=200"))!;
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var ours = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Label == foreignLabel), solmar);
        Assert.Equal(ours, found["items"]!.AsArray().Count(i => (string)i!["label"]! == foreignLabel));
    }
}

public sealed class HistoryTestsOnSqlite(SqliteApp app) : HistoryTests<SqliteApp>(app);
public sealed class HistoryTestsOnPostgres(PostgresApp app) : HistoryTests<PostgresApp>(app);
