using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Relations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Network memberships with roles and reports: API and pages, roles, tenancy, concurrency, validation, on each database.</summary>
public abstract class MembershipTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private async Task<Guid> CounterpartAsync(CounterpartKind kind, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        var tag = Guid.NewGuid().ToString("N")[..6];
        return await app.WithDbAsync(async db =>
        {
            var c = new Counterpart { OrganizationId = orgId, Code = $"CP-{tag}", Kind = kind, Name = $"Red {tag}", Acronym = $"R{tag}" };
            db.Counterparts.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        }, orgId);
    }

    [Fact]
    public async Task A_membership_with_roles_and_reports_through_the_api_and_what_it_brought_on_its_page()
    {
        var network = await CounterpartAsync(CounterpartKind.CityNetwork);
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var created = await api.PostAsJsonAsync("/api/v1/memberships", new { networkId = network, since = "2016-05-01", annualFee = 12500m, workingGroups = new[] { "Movilidad", "Vivienda" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var m = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)m["id"]!;
        Assert.Equal("EUR", (string)m["currency"]!);

        var inverted = await api.PostAsJsonAsync($"/api/v1/memberships/{id}/roles", new { role = "Board", from = "2024-01-01", to = "2023-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        Assert.Equal("El fin no puede ser anterior al inicio.", (string)(await inverted.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["to"]![0]!);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/memberships/{id}/roles", new { role = "CoPresidency", from = "2023-01-01" })).StatusCode);
        var report = (await (await api.PostAsJsonAsync($"/api/v1/memberships/{id}/reports", new { title = new { es = "Informe voluntario" }, due = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd") })).Content.ReadFromJsonAsync<JsonObject>())!;

        var list = (await api.GetFromJsonAsync<JsonArray>("/api/v1/memberships?filter=current"))!;
        var row = list.Single(r => (string)r!["id"]! == id)!;
        Assert.Equal("CoPresidency", (string)row["currentRole"]!);
        Assert.Equal((string)report["due"]!, (string)row["nextReportDue"]!);

        // A mission with the network shows among what the membership brought.
        var missionTitle = "Cumbre de la red " + Guid.NewGuid().ToString("N")[..4];
        var mission = await api.PostAsJsonAsync("/api/v1/missions", new { kind = "AttendedEvent", eventKind = "Summit", title = new { es = missionTitle }, start = "2026-10-01", end = "2026-10-03", status = "Done", counterpartIds = new[] { network } });
        Assert.Equal(HttpStatusCode.Created, mission.StatusCode);
        using var web = await app.SignInAsync(Coordinator);
        var html = await web.GetHtmlAsync($"/solmar/memberships/{id}?culture=en");
        Assert.Contains(missionTitle, html);
        Assert.Contains("Co-presidency", html);
        Assert.Contains("Overdue", html);
        Assert.Contains("EUR 12,500", html);
        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync($"/solmar/memberships/{id}?handler=Submitted", new() { ["reportId"] = (string)report["id"]! })).StatusCode);
        var after = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/memberships/{id}"))!;
        Assert.NotNull((string?)after["reports"]![0]!["submittedOn"]);

        // The form refuses an inverted role period in Spanish, next to the field.
        using var es = await app.SignInAsync(Coordinator, language: "es");
        var bad = await es.PostFormAsync($"/solmar/memberships/{id}?handler=Role", new() { ["Role.Role"] = "Board", ["Role.From"] = "2025-01-01", ["Role.To"] = "2024-01-01" }, formPage: $"/solmar/memberships/{id}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Role_To-error\"", badHtml);
        Assert.Contains("El fin no puede ser anterior al inicio.", badHtml);

        // Stale change: 409 with the current values.
        var stale = await api.PutAsJsonAsync($"/api/v1/memberships/{id}", new { networkId = network, since = "2016-05-01", version = (long)m["version"]! - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/memberships/{id}", new { networkId = network, since = "2016-05-01", until = "2030-12-31", version = (long)m["version"]! })).StatusCode);
    }

    [Fact]
    public async Task Only_relations_managers_change_memberships_and_other_organizations_are_404()
    {
        var network = await CounterpartAsync(CounterpartKind.CityNetwork);
        var city = await CounterpartAsync(CounterpartKind.City);
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var notANetwork = await api.PostAsJsonAsync("/api/v1/memberships", new { networkId = city });
        Assert.Equal(HttpStatusCode.BadRequest, notANetwork.StatusCode);
        Assert.Equal("Elija una red de ciudades registrada como contraparte.", (string)(await notANetwork.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["networkId"]![0]!);

        using var focal = await app.ApiClientAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/memberships", new { networkId = network })).StatusCode);
        using var viewer = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/solmar/memberships/new")).StatusCode);

        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreignNetwork = await CounterpartAsync(CounterpartKind.CityNetwork, Seeder.SecondDemoSlug);
        var foreign = await app.WithDbAsync(async db =>
        {
            var m = new NetworkMembership { OrganizationId = costaAlta, NetworkId = foreignNetwork };
            db.NetworkMemberships.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        }, costaAlta);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/memberships/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/memberships/{foreign}/roles", new { role = "Board", from = "2024-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/memberships", new { networkId = foreignNetwork })).StatusCode);
        using var web = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/memberships/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/memberships/{foreign}/edit")).StatusCode);

        var form = await web.PostFormAsync("/solmar/memberships/new", new() { ["Input.NetworkId"] = network.ToString(), ["Input.Since"] = "2020-01-01", ["WorkingGroupsText"] = "Clima\nCultura" });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var list = await web.GetHtmlAsync("/solmar/memberships?filter=current");
        Assert.Contains(form.Headers.Location!.OriginalString, list);
    }
}

public sealed class MembershipTestsOnSqlite(SqliteApp app) : MembershipTests<SqliteApp>(app);
public sealed class MembershipTestsOnPostgres(PostgresApp app) : MembershipTests<PostgresApp>(app);
