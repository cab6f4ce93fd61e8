using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using Nodal.Core.Relations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Counterparts: the API, the pages, the gazetteer picker, likely duplicates, contacts and related records, on each database.</summary>
public abstract class CounterpartTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPoint = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    /// <summary>The most populous gazetteer city of that name in the country.</summary>
    private static Gazetteer.City City(string name, string country) =>
        Gazetteer.Search(name, country).First(c => Gazetteer.Normalize(c.Name) == Gazetteer.Normalize(name));

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/counterparts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/counterparts answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task A_city_picked_from_the_gazetteer_gets_its_place_and_can_be_changed_listed_and_deleted()
    {
        var nantes = City("Nantes", "FR"); // a city the demo does not hold
        using var api = await app.ApiClientAsync(Coordinator);
        var found = (await api.GetFromJsonAsync<JsonArray>("/api/v1/gazetteer?q=nant&country=fr"))!;
        Assert.Contains(found, c => (int)c!["id"]! == nantes.Id);

        var created = await CreateAsync(api, new { kind = "City", gazetteerId = nantes.Id, acronym = "NTS", notes = new { es = "Ciudad hermana" } });
        var id = (string)created["id"]!;
        Assert.Matches("^CP-[0-9]{4,}$", (string)created["code"]!);
        Assert.Equal(nantes.Name, (string)created["name"]!);
        Assert.Equal("FR", (string)created["country"]!);
        Assert.Equal(nantes.Latitude, (double)created["latitude"]!, 5);
        Assert.Equal(nantes.Longitude, (double)created["longitude"]!, 5);
        Assert.Equal(nantes.Population, (long)created["population"]!);
        Assert.False((bool)created["possibleDuplicate"]!);

        // The list filters by kind, country, M49 region and search on the acronym.
        Assert.Contains((await api.GetFromJsonAsync<JsonObject>("/api/v1/counterparts?kind=City&country=FR&region=150&q=nts"))!["items"]!.AsArray(), r => (string)r!["id"]! == id);
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonObject>("/api/v1/counterparts?region=419&q=nts"))!["items"]!.AsArray(), r => (string)r!["id"]! == id);
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonObject>("/api/v1/counterparts?kind=Company&q=lyn"))!["items"]!.AsArray(), r => (string)r!["id"]! == id);

        // A change with the version read; then the same stale version is refused with the current values.
        var version = (long)created["version"]!;
        var put = await api.PutAsJsonAsync($"/api/v1/counterparts/{id}", new { kind = "City", name = "Nantes Métropole", gazetteerId = nantes.Id, region = "Pays de la Loire", version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var changed = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Nantes Métropole", (string)changed["name"]!);
        Assert.Equal("Pays de la Loire", (string)changed["region"]!);
        Assert.True((long)changed["version"]! > version);
        var stale = await api.PutAsJsonAsync($"/api/v1/counterparts/{id}", new { kind = "City", name = "Otra", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Nantes Métropole", (string)problem["current"]!["name"]!);

        // Manual coordinates are checked; a place by hand keeps them.
        var manual = await CreateAsync(api, new { kind = "LocalGovernment", name = Unique("Diputación"), country = "es", latitude = 39.47, longitude = -0.376 });
        Assert.Equal("ES", (string)manual["country"]!);
        Assert.Equal(39.47, (double)manual["latitude"]!);

        var delete = await api.DeleteAsync($"/api/v1/counterparts/{id}?version={(long)changed["version"]!}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/counterparts/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_likely_duplicate_is_refused_until_the_caller_says_it_is_a_different_counterpart()
    {
        var toulouse = City("Toulouse", "FR");
        using var api = await app.ApiClientAsync(Coordinator);
        var first = await CreateAsync(api, new { kind = "City", gazetteerId = toulouse.Id });

        var again = await api.PostAsJsonAsync("/api/v1/counterparts", new { kind = "City", name = "Ville de Toulouse", gazetteerId = toulouse.Id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string)first["id"]!, (string)problem["duplicates"]![0]!["id"]!);

        // Same name (accents and case aside) in the same country, without a gazetteer place: also a likely duplicate.
        var sameName = await api.PostAsJsonAsync("/api/v1/counterparts", new { kind = "LocalGovernment", name = "TOULOUSE", country = "FR" });
        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);
        // Same reference network twice.
        var name = Unique("Red");
        await CreateAsync(api, new { kind = "CityNetwork", networkCode = "cideu", name });
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/v1/counterparts", new { kind = "CityNetwork", networkCode = "cideu" })).StatusCode);

        var second = await CreateAsync(api, new { kind = "City", name = "Ville de Toulouse", gazetteerId = toulouse.Id, allowDuplicate = true });
        Assert.True((bool)second["possibleDuplicate"]!);
        var list = (await api.GetFromJsonAsync<JsonObject>("/api/v1/counterparts?duplicates=true&pageSize=200"))!["items"]!.AsArray();
        Assert.Contains(list, r => (string)r!["id"]! == (string)first["id"]! && (bool)r["possibleDuplicate"]!);
        Assert.Contains(list, r => (string)r!["id"]! == (string)second["id"]!);
        Assert.All(list, r => Assert.True((bool)r!["possibleDuplicate"]!));
    }

    [Fact]
    public async Task The_form_searches_the_gazetteer_picks_a_city_and_stops_on_a_duplicate_until_the_box_is_ticked()
    {
        var bordeaux = City("Bordeaux", "FR");
        using var client = await app.SignInAsync(Coordinator);

        // Without JavaScript: the search button shows the form again with the candidates as radio buttons.
        var search = await client.PostFormAsync("/solmar/counterparts/new?handler=Search", new() { ["Input.Kind"] = "City", ["Input.Country"] = "FR", ["q"] = "Bordeaux" });
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var searchHtml = await search.Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Input.GazetteerId\" type=\"radio\" value=\"{bordeaux.Id}\"", searchHtml);
        Assert.DoesNotContain("govuk-error-summary", searchHtml);
        // With htmx: the fragment alone.
        var fragment = await client.GetHtmlAsync("/solmar/gazetteer?q=bordeau&Input.Country=FR");
        Assert.Contains($"value=\"{bordeaux.Id}\"", fragment);
        Assert.DoesNotContain("<html", fragment);

        var saved = await client.PostFormAsync("/solmar/counterparts/new", new() { ["Input.Kind"] = "City", ["Input.GazetteerId"] = bordeaux.Id.ToString(), ["Input.Name"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Bordeaux", details);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var stored = await app.WithDbAsync(db => db.Counterparts.AsNoTracking().SingleAsync(c => c.GazetteerId == bordeaux.Id), solmar);
        Assert.Equal(bordeaux.Latitude, stored.Latitude);
        Assert.Equal("FR", stored.Country);

        var twice = await client.PostFormAsync("/solmar/counterparts/new", new() { ["Input.Kind"] = "City", ["Input.GazetteerId"] = bordeaux.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var twiceHtml = await twice.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_AllowDuplicate\"", twiceHtml);
        Assert.Contains($"href=\"/solmar/counterparts/{stored.Id}\"", twiceHtml);
        Assert.Equal(1, await app.WithDbAsync(db => db.Counterparts.CountAsync(c => c.GazetteerId == bordeaux.Id), solmar));

        var anyway = await client.PostFormAsync("/solmar/counterparts/new", new() { ["Input.Kind"] = "City", ["Input.GazetteerId"] = bordeaux.Id.ToString(), ["Input.Name"] = "Bordeaux Métropole", ["Input.AllowDuplicate"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Counterparts.CountAsync(c => c.GazetteerId == bordeaux.Id), solmar));
        var list = await client.GetHtmlAsync("/solmar/counterparts?duplicates=true&q=bordeaux");
        Assert.Contains("govuk-tag--orange", list);
        Assert.Contains("Bordeaux Métropole", list);
    }

    [Fact]
    public async Task Field_errors_come_in_spanish_next_to_the_fields_and_in_the_api()
    {
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var response = await api.PostAsJsonAsync("/api/v1/counterparts", new { name = "", latitude = 120, website = "ftp://x", networkCode = "nope", country = "ZZ" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("Elija qué tipo de contraparte es.", (string)errors["kind"]![0]!);
        Assert.Equal("Introduzca una latitud entre -90 y 90.", (string)errors["latitude"]![0]!);
        Assert.Contains("Introduzca las dos coordenadas o ninguna.", errors["longitude"]!.AsArray().Select(e => (string)e!));
        Assert.Equal("Esta red no está en la lista de referencia.", (string)errors["networkCode"]![0]!);
        Assert.True(errors.ContainsKey("website") && errors.ContainsKey("country"));

        using var client = await app.SignInAsync(Coordinator, language: "es");
        var page = await client.PostFormAsync("/solmar/counterparts/new", new() { ["Input.Kind"] = "Company", ["Input.Latitude"] = "-91", ["Input.Longitude"] = "0", ["Input.Acronym"] = "ACME" });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Name-error\"", html);
        Assert.Contains("Introduzca el nombre de la contraparte", html);
        Assert.Contains("id=\"Input_Latitude-error\"", html);
        Assert.Contains("value=\"ACME\"", html);
    }

    [Fact]
    public async Task Contacts_are_kept_from_a_viewer_and_the_viewer_cannot_write()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var cp = await CreateAsync(api, new { kind = "EmbassyOrConsulate", name = Unique("Consulado de Italia"), country = "IT" });
        var id = (string)cp["id"]!;
        var contact = await api.PostAsJsonAsync($"/api/v1/counterparts/{id}/contacts", new { name = "Giulia Bianchi", position = "Cónsul", email = "giulia@example.it" });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var bad = await api.PostAsJsonAsync($"/api/v1/counterparts/{id}/contacts", new { name = "", email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Single((await api.GetFromJsonAsync<JsonArray>($"/api/v1/counterparts/{id}/contacts"))!);

        using var viewerApi = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewerApi.GetAsync($"/api/v1/counterparts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.GetAsync($"/api/v1/counterparts/{id}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PostAsJsonAsync("/api/v1/counterparts", new { kind = "Company", name = Unique("Acme") })).StatusCode);

        using var viewer = await app.SignInAsync(Viewer);
        var viewerHtml = await viewer.GetHtmlAsync($"/solmar/counterparts/{id}");
        Assert.DoesNotContain("Giulia Bianchi", viewerHtml);
        Assert.DoesNotContain("/edit\"", viewerHtml);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/solmar/counterparts/new")).StatusCode);

        // A focal point reads contacts but does not manage the registry.
        using var focal = await app.SignInAsync(FocalPoint);
        Assert.Contains("Giulia Bianchi", await focal.GetHtmlAsync($"/solmar/counterparts/{id}"));
        using var focalApi = await app.ApiClientAsync(FocalPoint);
        Assert.Equal(HttpStatusCode.Forbidden, (await focalApi.PostAsJsonAsync($"/api/v1/counterparts/{id}/contacts", new { name = "X" })).StatusCode);

        // The coordinator changes the contact on its page, then moves it to the Trash.
        using var coordinator = await app.SignInAsync(Coordinator);
        var html = await coordinator.GetHtmlAsync($"/solmar/counterparts/{id}");
        Assert.Contains("Giulia Bianchi", html);
        var contactJson = (await contact.Content.ReadFromJsonAsync<JsonObject>())!;
        var (contactId, contactVersion) = ((string)contactJson["id"]!, (string)contactJson["version"]!.ToString());
        var editUrl = $"/solmar/counterparts/{id}/contacts/{contactId}/edit";
        var saved = await coordinator.PostFormAsync(editUrl, new() { ["Input.Name"] = "Giulia Rossi", ["Input.Version"] = contactVersion, ["Input.Email"] = "giulia@example.it" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await coordinator.PostFormAsync(editUrl, new() { ["Input.Name"] = "Otra", ["Input.Version"] = contactVersion });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"conflict\"", await stale.Content.ReadAsStringAsync());
        Assert.Contains("Giulia Rossi", await coordinator.GetHtmlAsync($"/solmar/counterparts/{id}"));
        var deleted = await coordinator.PostFormAsync($"{editUrl}?handler=Delete", new(), formPage: editUrl);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonArray>($"/api/v1/counterparts/{id}/contacts"))!);
    }

    [Fact]
    public async Task Another_organizations_counterpart_is_not_found()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreign = await app.WithDbAsync(async db =>
        {
            var c = new Counterpart { OrganizationId = costaAlta, Code = "CP-9" + Guid.NewGuid().ToString("N")[..5], Kind = CounterpartKind.Company, Name = Unique("Foreign") };
            db.Counterparts.Add(c);
            db.Contacts.Add(new Contact { OrganizationId = costaAlta, CounterpartId = c.Id, Name = "Secreto" });
            await db.SaveChangesAsync();
            return c;
        }, costaAlta);
        using var api = await app.ApiClientAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/counterparts/{foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/counterparts/{foreign.Id}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/counterparts/{foreign.Id}", new { kind = "Company", name = "Hack", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/counterparts/{foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/counterparts/{foreign.Id}/contacts", new { name = "X" })).StatusCode);

        using var client = await app.SignInAsync(Coordinator);
        foreach (var url in new[] { $"/solmar/counterparts/{foreign.Id}", $"/solmar/counterparts/{foreign.Id}/edit", $"/solmar/counterparts/{foreign.Id}/contacts/new" })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        var post = await client.PostFormAsync($"/solmar/counterparts/{foreign.Id}?handler=Delete", new() { ["version"] = "1" }, formPage: "/solmar/counterparts/new");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var still = await app.WithDbAsync(db => db.Counterparts.AsNoTracking().SingleAsync(c => c.Id == foreign.Id), costaAlta);
        Assert.Null(still.DeletedAt);
    }

    [Fact]
    public async Task The_details_page_lists_the_records_that_name_the_counterpart()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var api = await app.ApiClientAsync(Coordinator);
        var cp = await CreateAsync(api, new { kind = "CityNetwork", name = Unique("Red Mediterránea") });
        var id = Guid.Parse((string)cp["id"]!);
        var other = Guid.NewGuid();
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await app.WithDbAsync(async db =>
        {
            var lead = await db.Departments.Where(d => d.Code == "ORI").Select(d => d.Id).FirstAsync();
            var plan = new StrategicPlan { OrganizationId = solmar, Title = new LocalizedText("Plan " + tag, null, null), StartYear = 2024, EndYear = 2030 };
            db.Plans.Add(plan);
            db.Agreements.Add(new Agreement { OrganizationId = solmar, Code = "AG-" + tag, Title = new LocalizedText("Acuerdo " + tag, null, null), PartyIds = [other, id] });
            db.Agreements.Add(new Agreement { OrganizationId = solmar, Code = "AG-X" + tag, Title = new LocalizedText("Ajeno " + tag, null, null), PartyIds = [other] });
            db.NetworkMemberships.Add(new NetworkMembership { OrganizationId = solmar, NetworkId = id, Since = new DateOnly(2019, 1, 1) });
            var project = new CooperationProject { OrganizationId = solmar, Code = "PR-" + tag, Title = new LocalizedText("Proyecto " + tag, null, null) };
            db.Projects.Add(project);
            db.ProjectPartners.Add(new ProjectPartner { OrganizationId = solmar, ProjectId = project.Id, CounterpartId = id, Name = "Red", Role = PartnerRole.Implementing });
            db.Missions.Add(new Mission { OrganizationId = solmar, Kind = MissionKind.AttendedEvent, Title = new LocalizedText("Congreso " + tag, null, null), Start = new DateOnly(2026, 5, 1), End = new DateOnly(2026, 5, 3), CounterpartIds = [id] });
            db.Actions.Add(new PolicyAction
            {
                OrganizationId = solmar, PlanId = plan.Id, Code = "A-" + tag, Title = new LocalizedText("Acción " + tag, null, null), Origin = ActionOrigin.Reactive,
                RequestedOn = new DateOnly(2026, 1, 1), RequestedBy = "Red", Modality = Modality.Twinning, LeadDepartmentId = lead, Status = ActionStatus.Idea, CounterpartIds = [other, id],
            });
            await db.SaveChangesAsync();
            return 0;
        }, solmar);

        using var client = await app.SignInAsync(Coordinator);
        var html = await client.GetHtmlAsync($"/solmar/counterparts/{id}");
        Assert.Contains("AG-" + tag, html);
        Assert.DoesNotContain("AG-X" + tag, html);
        Assert.Contains($"href=\"/solmar/memberships/", html);
        Assert.Contains("2019", html);
        Assert.Contains("PR-" + tag, html);
        Assert.Contains("Congreso " + tag, html);
        Assert.Contains("A-" + tag, html);
    }
}

public sealed class CounterpartTestsOnSqlite(SqliteApp app) : CounterpartTests<SqliteApp>(app);
public sealed class CounterpartTestsOnPostgres(PostgresApp app) : CounterpartTests<PostgresApp>(app);
