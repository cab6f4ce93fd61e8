using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core.Organizations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>The API as a script would use it, on each database.</summary>
public abstract class ApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected const string Coordinator = "ana.coordinadora@solmar.example";
    protected const string FocalPointMobility = "marta.movilidad@solmar.example";
    protected const string Viewer = "concejal@solmar.example";

    [Fact]
    public async Task Health_and_openapi_answer_without_signing_in()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var doc = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        Assert.NotNull(doc["paths"]!["/api/v1/departments"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/departments")).StatusCode);
    }

    [Fact]
    public async Task A_token_reads_the_departments_of_its_organization_only()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var page = await api.GetFromJsonAsync<JsonObject>("/api/v1/departments?pageSize=100&sort=code");
        var codes = page!["items"]!.AsArray().Select(i => (string)i!["code"]!).ToList();
        var expected = await app.WithDbAsync(db => db.Departments.CountAsync(), await app.OrgIdAsync(Seeder.DemoSlug));
        Assert.True(expected >= 13);
        Assert.Equal(expected, (int)page["total"]!);
        Assert.Contains("MOB", codes);
        Assert.DoesNotContain("PUE", codes); // Costa Alta's port department
        Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task Departments_filter_by_focal_point_and_search()
    {
        using var api = await app.ApiClientAsync(Viewer);
        async Task<string[]> Codes(string query) =>
            (await api.GetFromJsonAsync<JsonObject>($"/api/v1/departments?pageSize=200&sort=code&{query}"))!["items"]!.AsArray()
                .Select(i => (string)i!["code"]!).ToArray();
        Assert.Equal(["AMB", "CUL", "MOB"], await Codes("filter=with-focal-point"));
        var without = await Codes("filter=without-focal-point");
        Assert.DoesNotContain("MOB", without);
        Assert.Contains("TUR", without);
        Assert.Equal(["TUR"], await Codes("q=turism")); // the Spanish name, "Turismo"
        Assert.Equal(["CUL"], await Codes("q=cul&filter=with-focal-point"));
        var paged = await api.GetFromJsonAsync<JsonObject>("/api/v1/departments?pageSize=5&page=2&sort=code&dir=desc");
        Assert.Equal(5, paged!["items"]!.AsArray().Count);
        Assert.Equal(2, (int)paged["page"]!);
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_is_refused()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "nodal_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/departments")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_department_answers_400_naming_the_fields_and_saves_nothing()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var before = await CountDepartmentsAsync();
        var response = await api.PostAsJsonAsync("/api/v1/departments", new { name = new { en = "Only English" }, code = "bad code!", email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name.es"), "Solmar's main language is Spanish: its name is required");
        Assert.True(errors.ContainsKey("code"));
        Assert.True(errors.ContainsKey("email"));
        Assert.Equal(before, await CountDepartmentsAsync());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_answers_400_naming_the_field()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var response = await api.PostAsync("/api/v1/office/years", new StringContent("""{"year":"twenty","staff":3,"budget":1,"currency":"EUR"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("year"));
    }

    [Fact]
    public async Task Create_change_delete_and_restore_a_department_leaves_its_whole_history()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = await api.PostAsJsonAsync("/api/v1/departments", new { name = new { es = "Deportes", en = "Sports" }, code, email = "sport@solmar.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dept = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)dept["id"]!;
        Assert.Equal(code, (string)dept["code"]!);

        var changed = await api.PutAsJsonAsync($"/api/v1/departments/{id}", new { name = new { es = "Deportes y Ocio", en = "Sports" }, code, email = "sport@solmar.example", version = (long)dept["version"]! });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/departments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/departments/{id}")).StatusCode);
        var trash = (await api.GetFromJsonAsync<JsonObject>("/api/v1/trash?kind=Department"))!["items"]!.AsArray();
        Assert.Contains(trash, i => (string)i!["id"]! == id);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/trash/Department/{id}/restore", null)).StatusCode);
        var restored = await api.GetFromJsonAsync<JsonObject>($"/api/v1/departments/{id}");
        Assert.Equal("Deportes y Ocio", (string)restored!["name"]!["es"]!);

        var history = await api.GetFromJsonAsync<JsonArray>($"/api/v1/departments/{id}/history");
        Assert.Equal(["Restored", "Deleted", "Updated", "Created"], history!.Select(h => (string)h!["action"]!).ToArray());
        var update = history![2]!["changes"]!.AsArray().Single(c => (string)c!["field"]! == "Name.Es")!;
        Assert.Equal("Deportes", (string)update["before"]!);
        Assert.Equal("Deportes y Ocio", (string)update["after"]!);
        Assert.Equal(Coordinator, (string)history[2]!["userName"]!);
        Assert.DoesNotContain(history[2]!["changes"]!.AsArray(), c => (string)c!["field"]! == "Email");
    }

    [Fact]
    public async Task A_stale_edit_answers_409_with_the_current_values_and_does_not_overwrite()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var code = "C" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var dept = (await (await api.PostAsJsonAsync("/api/v1/departments", new { name = new { es = "Original" }, code })).Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)dept["id"]!;
        var version = (long)dept["version"]!;

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/departments/{id}", new { name = new { es = "First writer" }, code, version })).StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/departments/{id}", new { name = new { es = "Second writer" }, code, version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("First writer", (string)problem["current"]!["name"]!["es"]!);
        var now = await api.GetFromJsonAsync<JsonObject>($"/api/v1/departments/{id}");
        Assert.Equal("First writer", (string)now!["name"]!["es"]!);
    }

    [Fact]
    public async Task Roles_decide_who_writes()
    {
        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/departments", new { name = new { es = "X" }, code = "XVIEW" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync("/api/v1/organization", new { })).StatusCode);

        using var focal = await app.ApiClientAsync(FocalPointMobility);
        var all = (await focal.GetFromJsonAsync<JsonObject>("/api/v1/departments?pageSize=100"))!["items"]!.AsArray();
        var mob = all.Single(d => (string)d!["code"]! == "MOB")!;
        var cul = all.Single(d => (string)d!["code"]! == "CUL")!;
        var own = (await focal.GetFromJsonAsync<JsonObject>($"/api/v1/departments/{mob["id"]}"))!;
        var other = (await focal.GetFromJsonAsync<JsonObject>($"/api/v1/departments/{cul["id"]}"))!;

        var editOwn = await focal.PutAsJsonAsync($"/api/v1/departments/{own["id"]}", new { name = own["name"]!.DeepClone(), code = "MOB", email = "movilidad@solmar.example", version = (long)own["version"]! });
        Assert.Equal(HttpStatusCode.OK, editOwn.StatusCode);
        var editOther = await focal.PutAsJsonAsync($"/api/v1/departments/{other["id"]}", new { name = other["name"]!.DeepClone(), code = "CUL", email = "x@solmar.example", version = (long)other["version"]! });
        Assert.Equal(HttpStatusCode.Forbidden, editOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync($"/api/v1/departments/{own["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/office/units", new { name = new { es = "X" }, staff = 1 })).StatusCode);
    }

    [Fact]
    public async Task Every_api_route_answers_404_for_records_of_another_organization()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreignIds = await app.WithDbAsync(async db => new[]
        {
            await db.Departments.Select(d => d.Id).FirstAsync(),
            await db.OfficeYears.Select(y => y.Id).FirstAsync(),
        }, costaAlta);
        using var api = await app.ApiClientAsync(TestApp.AdminEmail); // member of both organizations, token for Solmar
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/departments/{id}", null),
            (HttpMethod.Put, "/api/v1/departments/{id}", new { name = new { es = "X" }, code = "HACK", version = 0 }),
            (HttpMethod.Delete, "/api/v1/departments/{id}", null),
            (HttpMethod.Get, "/api/v1/departments/{id}/history", null),
            (HttpMethod.Get, "/api/v1/office/units/{id}", null),
            (HttpMethod.Put, "/api/v1/office/units/{id}", new { name = new { es = "X" }, staff = 1, version = 0 }),
            (HttpMethod.Delete, "/api/v1/office/units/{id}", null),
            (HttpMethod.Get, "/api/v1/office/years/{id}", null),
            (HttpMethod.Put, "/api/v1/office/years/{id}", new { year = 2030, staff = 1, budget = 1, currency = "EUR", version = 0 }),
            (HttpMethod.Delete, "/api/v1/office/years/{id}", null),
            (HttpMethod.Post, "/api/v1/trash/Department/{id}/restore", null),
            (HttpMethod.Post, "/api/v1/trash/OfficeYear/{id}/restore", null),
        };
        foreach (var id in foreignIds)
        foreach (var (method, url, body) in routes)
        {
            var request = new HttpRequestMessage(method, url.Replace("{id}", id.ToString())) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri} answered {(int)response.StatusCode}");
        }
        var unchanged = await app.WithDbAsync(db => db.Departments.CountAsync(d => d.Code == "HACK"), costaAlta);
        Assert.Equal(0, unchanged);
    }

    [Fact]
    public async Task The_organization_profile_reads_and_validates_in_the_callers_language()
    {
        using var api = await app.ApiClientAsync(TestApp.AdminEmail, language: "es");
        var profile = (await api.GetFromJsonAsync<JsonObject>("/api/v1/organization"))!;
        Assert.Equal("solmar", (string)profile["slug"]!);
        Assert.Equal("MetropolitanBody", (string)profile["kind"]!);
        var bad = await api.PutAsJsonAsync("/api/v1/organization", new
        {
            name = new { es = "" }, kind = "MetropolitanBody", country = "XX", population = -5,
            workingLanguages = new[] { "es" }, defaultLanguage = "es", currency = "EURO", version = (long)profile["version"]!,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["country", "currency", "name", "population"], errors.Select(e => e.Key).Order().ToArray());
        Assert.Equal("Elija un país de la lista.", (string)errors["country"]![0]!);
    }

    [Fact]
    public async Task Office_capacity_is_recorded_once_per_year()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var years = (await api.GetFromJsonAsync<JsonObject>("/api/v1/office/years"))!["items"]!.AsArray();
        Assert.Equal(2026, (int)years[0]!["year"]!);
        var duplicate = await api.PostAsJsonAsync("/api/v1/office/years", new { year = 2026, staff = 40, budget = 10_000_000m, currency = "USD" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("year"));
        var seoul = await api.PostAsJsonAsync("/api/v1/office/years", new { year = 2019, staff = 40, budget = 10_000_000m, currency = "USD", notes = "As Seoul's office" });
        Assert.Equal(HttpStatusCode.Created, seoul.StatusCode);
        Assert.Equal(10_000_000m, (decimal)(await seoul.Content.ReadFromJsonAsync<JsonObject>())!["budget"]!);
    }

    private Task<int> CountDepartmentsAsync() => app.WithDbAsync(db => db.Departments.IgnoreQueryFilters().CountAsync());
}

public sealed class ApiTestsOnSqlite(SqliteApp app) : ApiTests<SqliteApp>(app);
public sealed class ApiTestsOnPostgres(PostgresApp app) : ApiTests<PostgresApp>(app);
