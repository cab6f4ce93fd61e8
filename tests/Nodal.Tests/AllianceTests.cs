using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Core.Relations;
using Nodal.Data;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>City alliances and declarations: API and pages, roles, tenancy, concurrency, validation, follow-up, on each database.</summary>
public abstract class AllianceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
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
            var c = new Counterpart { OrganizationId = orgId, Code = $"CP-{tag}", Kind = kind, Name = $"{kind} {tag}" };
            db.Counterparts.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        }, orgId);
    }

    /// <summary>One done action and one that is not, of the demo plan, with their dates.</summary>
    private async Task<(PolicyAction Done, PolicyAction Open)> ActionsAsync()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        return await app.WithDbAsync(async db =>
        {
            var done = await db.Actions.AsNoTracking().OrderBy(a => a.Code).FirstAsync(a => a.Status == ActionStatus.Done);
            var open = await db.Actions.AsNoTracking().OrderBy(a => a.Code).FirstAsync(a => a.Status == ActionStatus.InProgress || a.Status == ActionStatus.Planned);
            return (done, open);
        }, solmar);
    }

    private static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/alliances", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/alliances answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task An_alliance_is_created_read_listed_changed_and_deleted_through_the_api_and_its_page_shows_the_follow_up()
    {
        var city = await CounterpartAsync(CounterpartKind.City);
        var network = await CounterpartAsync(CounterpartKind.CityNetwork);
        var (done, open) = await ActionsAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var title = "Ciudades por una Vivienda Adecuada " + Guid.NewGuid().ToString("N")[..6];
        var created = await CreateAsync(api, new
        {
            title = new { es = title }, declaration = new { es = "Las ciudades piden más competencias para regular el mercado de la vivienda." },
            url = "https://www.citiesforhousing.org/", adheredOn = "2018-07-16", commitments = new { es = "Regular el alquiler turístico." },
            coSignatoryIds = new[] { city, city }, otherCoSignatories = new[] { "  Barcelona ", "barcelona", "Lisboa", "" },
            promoterId = network, followUpActionIds = new[] { done.Id, open.Id },
        });
        var id = (string)created["id"]!;
        Assert.Equal(["Barcelona", "Lisboa"], created["otherCoSignatories"]!.AsArray().Select(n => (string)n!));
        Assert.Single(created["coSignatoryIds"]!.AsArray());
        Assert.Equal(2, (int)created["followUp"]!["actions"]!);
        Assert.Equal(1, (int)created["followUp"]!["done"]!);

        var read = await api.GetAsync($"/api/v1/alliances/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal($"\"{(long)created["version"]!}\"", read.Headers.ETag!.Tag);

        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/alliances?q={Uri.EscapeDataString(title)}"))!;
        var row = list["items"]!.AsArray().Single()!;
        Assert.Equal(id, (string)row["id"]!);
        Assert.Equal(3, (int)row["coSignatories"]!);
        Assert.Equal(1, (int)row["followUp"]!["done"]!);
        var byName = (await api.GetFromJsonAsync<JsonObject>("/api/v1/alliances?q=lisboa"))!;
        Assert.Contains(byName["items"]!.AsArray(), r => (string)r!["id"]! == id);

        // The page: the declaration and its source, the co-signatories with links, the promoter, the follow-up line.
        using var web = await app.SignInAsync(Viewer);
        var html = await web.GetHtmlAsync($"/solmar/alliances/{id}?culture=en");
        Assert.Contains("Las ciudades piden más competencias", html);
        Assert.Contains("href=\"https://www.citiesforhousing.org/\"", html);
        Assert.Contains($"href=\"/solmar/counterparts/{city}\"", html);
        Assert.Contains($"href=\"/solmar/counterparts/{network}\"", html);
        Assert.Contains("Lisboa", html);
        Assert.Contains($"href=\"/solmar/actions/{done.Id}\"", html);
        Assert.Contains("Follow-up: 2 actions, 1 done.", html);
        var latest = new[] { done.End ?? done.Start, open.End ?? open.Start }.Max();
        if (latest is { } day) Assert.Contains($"The latest on {day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))}.", html);
        Assert.DoesNotContain($"/solmar/alliances/{id}/edit", html); // a viewer only reads
        var listHtml = await web.GetHtmlAsync($"/solmar/alliances?q={Uri.EscapeDataString(title)}");
        Assert.Contains($"/solmar/alliances/{id}", listHtml);
        // The search as you type (htmx) receives only the list.
        using var htmx = new HttpRequestMessage(HttpMethod.Get, $"/solmar/alliances?q={Uri.EscapeDataString(title)}");
        htmx.Headers.Add("HX-Request", "true");
        var partial = await (await web.Http.SendAsync(htmx)).Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"alliance-list\">", partial.Trim());
        Assert.Contains($"/solmar/alliances/{id}", partial);

        // A change with the version read; then the same version again is stale: 409 with the current values.
        var change = new { title = new { es = title + " (2018)" }, url = "https://www.citiesforhousing.org/", adheredOn = "2018-07-16",
            followUpActionIds = new[] { done.Id }, version = (long)created["version"]! };
        var changed = await api.PutAsJsonAsync($"/api/v1/alliances/{id}", change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)after["followUp"]!["actions"]!);
        Assert.Empty(after["otherCoSignatories"]!.AsArray());
        var stale = await api.PutAsJsonAsync($"/api/v1/alliances/{id}", change);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(title + " (2018)", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["title"]!["es"]!);

        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/alliances/{id}?version={(long)after["version"]! - 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/alliances/{id}?version={(long)after["version"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/alliances/{id}")).StatusCode);
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/alliances/{id}/history"))!;
        Assert.True(history.Count >= 3, $"expected created, changed and deleted in the history, got {history.Count}");
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        Assert.True(await app.WithDbAsync(db => db.Alliances.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AnyAsync(a => a.Id == Guid.Parse(id) && a.DeletedAt != null), solmar));
    }

    [Fact]
    public async Task Invalid_alliances_answer_400_in_spanish_naming_the_fields()
    {
        var city = await CounterpartAsync(CounterpartKind.City);
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var before = await app.WithDbAsync(db => db.Alliances.IgnoreQueryFilters().CountAsync());
        var bad = await api.PostAsJsonAsync("/api/v1/alliances", new
        {
            title = new { es = "  ", en = "", fr = (string?)null }, url = "ftp://example.org/declaracion.pdf", promoterId = city,
            followUpActionIds = new[] { Guid.NewGuid() },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.Equal("Indique el título en al menos un idioma.", (string)errors["title.es"]![0]!);
        Assert.Equal("Indique una dirección web que empiece por https://.", (string)errors["url"]![0]!);
        Assert.Equal("Elija una red de ciudades registrada como contraparte.", (string)errors["promoterId"]![0]!);
        Assert.Equal("Una de estas acciones no existe.", (string)errors["followUpActionIds"]![0]!);
        // A title in one language only (not the main one) is enough; a relative address is not.
        var relative = await api.PostAsJsonAsync("/api/v1/alliances", new { title = new { fr = "Villes pour un logement convenable" }, url = "/declaracion" });
        Assert.Equal(HttpStatusCode.BadRequest, relative.StatusCode);
        var errors2 = (await relative.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["url"], errors2.Select(kv => kv.Key));
        Assert.Equal(before, await app.WithDbAsync(db => db.Alliances.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Only_relations_managers_change_alliances_and_everyone_reads_them()
    {
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var alliance = await CreateAsync(coordinator, new { title = new { es = "Declaración de Durban" } });
        var id = (string)alliance["id"]!;

        using var focal = await app.ApiClientAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/alliances", new { title = new { es = "Ajena" } })).StatusCode);
        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/alliances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/alliances")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/alliances", new { title = new { es = "Del concejal" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/v1/alliances/{id}", new { title = new { es = "Cambiada" }, version = (long)alliance["version"]! })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/alliances/{id}")).StatusCode);

        using var page = await app.SignInAsync(Viewer);
        Assert.DoesNotContain("/solmar/alliances/new", await page.GetHtmlAsync("/solmar/alliances"));
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync("/solmar/alliances/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync($"/solmar/alliances/{id}/edit")).StatusCode);
        var delete = await page.PostFormAsync($"/solmar/alliances/{id}?handler=Delete", new() { ["version"] = ((long)alliance["version"]!).ToString() }, formPage: $"/solmar/alliances/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/alliances/{id}")).StatusCode);

        // The coordinator moves it to the Trash from its page.
        using var manager = await app.SignInAsync(Coordinator);
        var moved = await manager.PostFormAsync($"/solmar/alliances/{id}?handler=Delete", new() { ["version"] = ((long)alliance["version"]!).ToString() }, formPage: $"/solmar/alliances/{id}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/alliances/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_organizations_alliance_answers_404_everywhere_and_its_counterparts_cannot_be_named()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreignNetwork = await CounterpartAsync(CounterpartKind.CityNetwork, Seeder.SecondDemoSlug);
        var id = await app.WithDbAsync(async db =>
        {
            var a = new Alliance { OrganizationId = costaAlta, Title = new LocalizedText("Alianza ajena", null, null), PromoterId = foreignNetwork };
            db.Alliances.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        }, costaAlta);
        using var api = await app.ApiClientAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/alliances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/alliances/{id}", new { title = new { es = "X" }, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/alliances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/alliances/{id}/history")).StatusCode);
        var list = (await api.GetFromJsonAsync<JsonObject>("/api/v1/alliances?q=ajena"))!;
        Assert.DoesNotContain(list["items"]!.AsArray(), r => (string)r!["id"]! == id.ToString());
        var named = await api.PostAsJsonAsync("/api/v1/alliances", new { title = new { es = "Con red ajena" }, promoterId = foreignNetwork, coSignatoryIds = new[] { foreignNetwork } });
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        var errors = (await named.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.NotNull(errors["promoterId"]);
        Assert.NotNull(errors["coSignatoryIds"]);

        using var web = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/alliances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/alliances/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task The_form_adds_an_alliance_shows_spanish_errors_next_to_the_fields_and_refuses_a_stale_edit()
    {
        var city = await CounterpartAsync(CounterpartKind.City);
        var network = await CounterpartAsync(CounterpartKind.CityNetwork);
        var (done, _) = await ActionsAsync();
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var bad = await web.PostFormAsync("/solmar/alliances/new", new()
        {
            ["Input.Url"] = "no es una dirección", ["Input.PromoterId"] = city.ToString(), ["OtherCoSignatoriesText"] = "Lisboa\nOporto",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Title_Es-error\"", html);
        Assert.Contains("Indique el título en al menos un idioma.", html);
        Assert.Contains("id=\"Input_Url-error\"", html);
        Assert.Contains("Indique una dirección web que empiece por https://.", html);
        Assert.Contains("id=\"Input_PromoterId-error\"", html);
        Assert.Contains("Elija una red de ciudades registrada como contraparte.", html);
        Assert.Contains("Oporto", html); // what was typed is kept

        var title = "U20 " + Guid.NewGuid().ToString("N")[..6];
        var good = await web.PostFormAsync("/solmar/alliances/new", new()
        {
            ["Input.Title.Es"] = title, ["Input.AdheredOn"] = "2018-07-16", ["Input.Url"] = "https://www.u20.org/",
            ["Input.PromoterId"] = network.ToString(), ["Input.CoSignatoryIds"] = city.ToString(), ["Input.FollowUpActionIds"] = done.Id.ToString(),
            ["OtherCoSignatoriesText"] = "Lisboa\n  lisboa \nOporto\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var saved = await app.WithDbAsync(db => db.Alliances.AsNoTracking().SingleAsync(a => a.Title.Es == title), solmar);
        Assert.Equal(["Lisboa", "Oporto"], saved.OtherCoSignatories);
        Assert.Equal([city], saved.CoSignatoryIds);
        Assert.Equal([done.Id], saved.FollowUpActionIds);
        Assert.Equal(network, saved.PromoterId);
        Assert.Equal(new DateOnly(2018, 7, 16), saved.AdheredOn);

        var page = await web.GetHtmlAsync($"/solmar/alliances/{saved.Id}");
        Assert.Contains("Seguimiento: 1 acción, 1 realizada.", page);
        var edit = await web.GetHtmlAsync($"/solmar/alliances/{saved.Id}/edit");
        Assert.Contains("Oporto", edit);
        Assert.Contains($"value=\"{done.Id}\" selected", edit);
        var stale = await web.PostFormAsync($"/solmar/alliances/{saved.Id}/edit", new()
        {
            ["Input.Version"] = (saved.Version - 1).ToString(), ["Input.Title.Es"] = title + " bis",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"conflict\"", await stale.Content.ReadAsStringAsync());
        var fresh = await web.PostFormAsync($"/solmar/alliances/{saved.Id}/edit", new()
        {
            ["Input.Version"] = saved.Version.ToString(), ["Input.Title.Es"] = title + " bis", ["OtherCoSignatoriesText"] = "Oporto",
        });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        var list = await web.GetHtmlAsync($"/solmar/alliances?q={Uri.EscapeDataString(title)}");
        Assert.Contains(title + " bis", list);
    }
}

public sealed class AllianceTestsOnSqlite(SqliteApp app) : AllianceTests<SqliteApp>(app);
public sealed class AllianceTestsOnPostgres(PostgresApp app) : AllianceTests<PostgresApp>(app);
