using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Relations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Missions, visits and events: API and pages, permissions, tenancy, concurrency, validation, the gazetteer, on each database.</summary>
public abstract class MissionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private async Task<Guid> DeptAsync(string code, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(), orgId);
    }

    private static object Mission(string title, Guid? lead = null, string kind = "OutboundMission", string? eventKind = null,
        string start = "2027-03-10", string end = "2027-03-12", string? city = null, string? country = null) => new
    {
        kind, eventKind, title = new { es = title }, start, end, status = "Planned", city, country, leadDepartmentId = lead,
        delegation = new[] { "Alcaldesa de Solmar", "Directora de Relaciones Internacionales" },
    };

    private static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/missions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/missions answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static Dictionary<string, object?> With(object body, params (string Key, object? Value)[] extra)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        var dict = json.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone());
        foreach (var (k, v) in extra) dict[k] = v;
        return dict;
    }

    [Fact]
    public async Task A_mission_is_created_read_listed_changed_and_deleted_through_the_api_and_the_gazetteer_places_it()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var title = "Misión a París " + Guid.NewGuid().ToString("N")[..6];
        var created = await CreateAsync(api, Mission(title, await DeptAsync("MOB"), city: "Paris", country: "fr"));
        var id = (string)created["id"]!;
        Assert.Equal("FR", (string)created["country"]!);
        // Paris, France is unambiguous in the gazetteer: its coordinates were filled in.
        Assert.InRange((double)created["latitude"]!, 48.7, 49.0);
        Assert.InRange((double)created["longitude"]!, 2.2, 2.5);
        Assert.Equal(2, created["delegation"]!.AsArray().Count);

        var read = await api.GetAsync($"/api/v1/missions/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal($"\"{(long)created["version"]!}\"", read.Headers.ETag!.Tag);

        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/missions?q={Uri.EscapeDataString(title)}&kind=OutboundMission&country=FR&year=2027"))!;
        Assert.Equal(id, (string)list["items"]!.AsArray().Single()!["id"]!);
        var past = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/missions?q={Uri.EscapeDataString(title)}&when=past"))!;
        Assert.Empty(past["items"]!.AsArray());
        var events = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/missions?q={Uri.EscapeDataString(title)}&kind=HostedEvent"))!;
        Assert.Empty(events["items"]!.AsArray());

        // A hosted event: its kind of event, attendance and impact; explicit coordinates are kept.
        var change = With(Mission(title + " (feria)", await DeptAsync("MOB"), kind: "HostedEvent", eventKind: "Fair", city: "Paris", country: "FR"),
            ("version", (long)created["version"]!), ("latitude", 10.5), ("longitude", 20.25), ("attendance", 12000), ("economicImpact", 2500000m), ("currency", "EUR"));
        var changed = await api.PutAsJsonAsync($"/api/v1/missions/{id}", change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Fair", (string)after["eventKind"]!);
        Assert.Equal(10.5, (double)after["latitude"]!);

        // The page shows the event's figures formatted for the reader.
        using var web = await app.SignInAsync(Viewer);
        var html = await web.GetHtmlAsync($"/solmar/missions/{id}?culture=en");
        Assert.Contains("EUR 2,500,000", html);
        Assert.Contains("12,000", html);
        Assert.Contains("Alcaldesa de Solmar", html);
        Assert.DoesNotContain($"/solmar/missions/{id}/edit", html); // a viewer does not change it

        // A stale version is refused with the current values; then the deletion goes to the Trash.
        var stale = await api.PutAsJsonAsync($"/api/v1/missions/{id}", change);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(title + " (feria)", (string)problem["current"]!["title"]!["es"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/missions/{id}?version={(long)after["version"]! - 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/missions/{id}?version={(long)after["version"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/missions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_missions_answer_400_in_spanish_naming_the_fields()
    {
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var before = await app.WithDbAsync(db => db.Missions.IgnoreQueryFilters().CountAsync());

        var noEventKind = await api.PostAsJsonAsync("/api/v1/missions", Mission("Feria", kind: "HostedEvent", start: "2027-05-10", end: "2027-05-01", country: "ZZ"));
        Assert.Equal(HttpStatusCode.BadRequest, noEventKind.StatusCode);
        var errors = (await noEventKind.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.Equal("Elija el tipo de evento.", (string)errors["eventKind"]![0]!);
        Assert.Equal("El fin no puede ser anterior al inicio.", (string)errors["end"]![0]!);
        Assert.Contains("ZZ", (string)errors["country"]![0]!);

        var missionWithEventKind = await api.PostAsJsonAsync("/api/v1/missions", Mission("Misión", kind: "OutboundMission", eventKind: "Fair"));
        Assert.Equal(HttpStatusCode.BadRequest, missionWithEventKind.StatusCode);
        var errors2 = (await missionWithEventKind.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.Equal("Solo un evento tiene tipo de evento; déjelo vacío para una misión o una visita.", (string)errors2["eventKind"]![0]!);
        Assert.Equal(before, await app.WithDbAsync(db => db.Missions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_focal_point_logs_only_their_departments_missions_and_a_viewer_none()
    {
        var (mob, cul) = (await DeptAsync("MOB"), await DeptAsync("CUL"));
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var culture = await CreateAsync(coordinator, Mission("Visita cultural", cul));
        using var focal = await app.ApiClientAsync(FocalPointMobility);
        var own = await CreateAsync(focal, Mission("Misión de movilidad", mob));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/missions", Mission("Ajena", cul))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await focal.PostAsJsonAsync("/api/v1/missions", Mission("Sin departamento"))).StatusCode);
        var changeOwn = With(Mission("Misión de movilidad (cambiada)", mob), ("version", (long)own["version"]!));
        Assert.Equal(HttpStatusCode.OK, (await focal.PutAsJsonAsync($"/api/v1/missions/{own["id"]}", changeOwn)).StatusCode);
        var hijack = With(Mission("Secuestrada", mob), ("version", (long)culture["version"]!));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/missions/{culture["id"]}", hijack)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync($"/api/v1/missions/{culture["id"]}")).StatusCode);

        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/missions/{culture["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/missions", Mission("Del concejal", mob))).StatusCode);

        using var page = await app.SignInAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/solmar/missions/{own["id"]}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync($"/solmar/missions/{culture["id"]}/edit")).StatusCode);
        using var viewerPage = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerPage.GetAsync("/solmar/missions/new")).StatusCode);
        Assert.DoesNotContain("/solmar/missions/new", await viewerPage.GetHtmlAsync("/solmar/missions"));
    }

    [Fact]
    public async Task Another_organizations_mission_answers_404_everywhere()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var id = await app.WithDbAsync(async db =>
        {
            var m = new Mission { OrganizationId = costaAlta, Kind = MissionKind.InboundVisit, Title = new LocalizedText("Visita ajena", null, null),
                Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 1, 2) };
            db.Missions.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        }, costaAlta);
        using var api = await app.ApiClientAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/missions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/missions/{id}", With(Mission("X", await DeptAsync("MOB")), ("version", 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/missions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/missions/{id}/history")).StatusCode);
        using var web = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/missions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/missions/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task The_form_adds_a_mission_and_shows_spanish_errors_next_to_the_fields()
    {
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var bad = await web.PostFormAsync("/solmar/missions/new?culture=es", new()
        {
            ["Input.Kind"] = "AttendedEvent", ["Input.Title.Es"] = "Congreso mundial", ["Input.Start"] = "2027-06-10", ["Input.End"] = "2027-06-01",
            ["Input.Status"] = "Planned", ["DelegationText"] = "Alcaldesa\nConcejal de Cultura",
        }, formPage: "/solmar/missions/new");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_EventKind-error\"", html);
        Assert.Contains("Elija el tipo de evento.", html);
        Assert.Contains("id=\"Input_End-error\"", html);
        Assert.Contains("El fin no puede ser anterior al inicio.", html);
        Assert.Contains("Concejal de Cultura", html); // what was typed is kept

        var title = "Congreso " + Guid.NewGuid().ToString("N")[..6];
        var good = await web.PostFormAsync("/solmar/missions/new", new()
        {
            ["Input.Kind"] = "AttendedEvent", ["Input.EventKind"] = "Congress", ["Input.Title.Es"] = title, ["Input.Start"] = "2027-06-01", ["Input.End"] = "2027-06-03",
            ["Input.Status"] = "Planned", ["DelegationText"] = "Alcaldesa\nConcejal de Cultura", ["Input.City"] = "Paris", ["Input.Country"] = "FR",
        }, formPage: "/solmar/missions/new");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var saved = await app.WithDbAsync(db => db.Missions.AsNoTracking().SingleAsync(m => m.Title.Es == title), solmar);
        Assert.Equal(["Alcaldesa", "Concejal de Cultura"], saved.Delegation);
        Assert.Equal(EventKind.Congress, saved.EventKind);
        Assert.NotNull(saved.Latitude);
        var list = await web.GetHtmlAsync($"/solmar/missions?q={Uri.EscapeDataString(title)}");
        Assert.Contains($"/solmar/missions/{saved.Id}", list);

        var edit = await web.GetHtmlAsync($"/solmar/missions/{saved.Id}/edit");
        Assert.Contains("Concejal de Cultura", edit);
        var stale = await web.PostFormAsync($"/solmar/missions/{saved.Id}/edit", new()
        {
            ["Input.Version"] = (saved.Version - 1).ToString(), ["Input.Kind"] = "AttendedEvent", ["Input.EventKind"] = "Congress", ["Input.Title.Es"] = title + " bis",
            ["Input.Start"] = "2027-06-01", ["Input.End"] = "2027-06-03", ["Input.Status"] = "Done",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"conflict\"", await stale.Content.ReadAsStringAsync());
    }
}

public sealed class MissionTestsOnSqlite(SqliteApp app) : MissionTests<SqliteApp>(app);
public sealed class MissionTestsOnPostgres(PostgresApp app) : MissionTests<PostgresApp>(app);
