using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Site administrators create and delete organizations through the API; nobody else may.</summary>
public abstract class OrganizationAdminApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static string NewSlug() => "api-" + Guid.NewGuid().ToString("N")[..8];

    private static object Body(string slug) => new
    {
        slug, name = new { es = "Villa de Prueba", en = "Test Town" }, kind = "Municipality", country = "AR", population = 48000,
        workingLanguages = new[] { "es", "en" }, defaultLanguage = "es", currency = "ARS",
    };

    private Task<int> CountOrganizationsAsync() =>
        app.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task A_site_administrator_creates_an_organization_and_becomes_its_administrator()
    {
        // The token was issued in costa-alta: what authorizes the call is its user being a site administrator.
        using var api = await app.ApiClientAsync(TestApp.AdminEmail, Seeder.SecondDemoSlug);
        var slug = NewSlug();
        var response = await api.PostAsJsonAsync("/api/v1/organizations", Body(slug));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(slug, (string)created!["slug"]!);
        Assert.Equal("Test Town", (string)created["name"]!["en"]!);
        Assert.Equal($"/api/v1/organizations/{created["id"]}", response.Headers.Location!.OriginalString);

        var read = await api.GetFromJsonAsync<JsonObject>(response.Headers.Location);
        Assert.Equal("ARS", (string)read!["currency"]!);
        var orgId = await app.OrgIdAsync(slug);
        var role = await app.WithDbAsync(db => (from m in db.Memberships join u in db.Users on m.UserId equals u.Id
                                               where u.NormalizedEmail == TestApp.AdminEmail.ToUpperInvariant() select m.Role).SingleAsync(), orgId);
        Assert.Equal(OrgRole.Administrator, role);

        using var signedIn = await app.SignInAsync(TestApp.AdminEmail);
        Assert.Contains("Villa de Prueba", await signedIn.GetHtmlAsync($"/{slug}/profile"));
        var history = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == orgId).Select(a => a.UserName).ToListAsync(), orgId);
        Assert.Contains(TestApp.AdminEmail, history);
    }

    [Fact]
    public async Task Invalid_fields_answer_400_naming_them_and_save_nothing()
    {
        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        var before = await CountOrganizationsAsync();
        var response = await api.PostAsJsonAsync("/api/v1/organizations", new
        {
            slug = "Not A Slug", name = new { en = "Only English" }, kind = "Municipality", country = "ZZ",
            workingLanguages = new[] { "es" }, defaultLanguage = "es", currency = "EUR",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("slug"));
        Assert.True(errors.ContainsKey("country"));
        Assert.True(errors.ContainsKey("name"), "the name is required in the main language");

        var taken = await api.PostAsJsonAsync("/api/v1/organizations", Body(Seeder.DemoSlug));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Another organization already uses this address name.",
            (string)(await taken.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["slug"]![0]!);
        Assert.Equal(before, await CountOrganizationsAsync());
    }

    [Fact]
    public async Task An_organization_administrator_who_is_not_a_site_administrator_gets_403()
    {
        using var site = await app.ApiClientAsync(TestApp.AdminEmail);
        var created = await (await site.PostAsJsonAsync("/api/v1/organizations", Body(NewSlug()))).Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)created!["id"]!;

        using var api = await app.ApiClientAsync("lucia.admin@solmar.example", language: "es");
        var before = await CountOrganizationsAsync();
        var create = await api.PostAsJsonAsync("/api/v1/organizations", Body(NewSlug()));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("Su rol no permite esta acción.", (string)(await create.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        Assert.Equal(before, await CountOrganizationsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync($"/api/v1/organizations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync($"/api/v1/organizations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/organizations/{id}")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == Guid.Parse(id)).Select(o => o.DeletedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_site_administrator_deletes_an_organization_which_the_trash_restores()
    {
        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        var slug = NewSlug();
        var created = await (await api.PostAsJsonAsync("/api/v1/organizations", Body(slug))).Content.ReadFromJsonAsync<JsonObject>();
        var id = Guid.Parse((string)created!["id"]!);
        var version = (long)created["version"]!;

        var stale = await api.DeleteAsync($"/api/v1/organizations/{id}?version={version - 1}");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(slug, (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["slug"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/organizations/{id}?version={version}")).StatusCode);
        var deleted = await app.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.NotNull(deleted.DeletedAt);
        Assert.Equal(TestApp.AdminEmail, deleted.DeletedBy);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/organizations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organizations/{id}")).StatusCode);

        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{slug}")).StatusCode);
        Assert.Contains(slug, await admin.GetHtmlAsync("/organizations/trash"));
        var restored = await admin.PostFormAsync("/organizations/trash?handler=Restore", new() { ["id"] = id.ToString() }, formPage: "/organizations/trash");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{slug}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_creating_and_deleting_organizations()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var doc = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var path = doc!["paths"]!["/api/v1/organizations"]!["post"]!;
        Assert.Equal("CreateOrganization", (string)path["operationId"]!);
        Assert.Contains("site administrators", (string)path["description"]!);
        Assert.Equal("DeleteOrganization", (string)doc["paths"]!["/api/v1/organizations/{id}"]!["delete"]!["operationId"]!);
    }
}

public sealed class OrganizationAdminApiTestsOnSqlite(SqliteApp app) : OrganizationAdminApiTests<SqliteApp>(app);
public sealed class OrganizationAdminApiTestsOnPostgres(PostgresApp app) : OrganizationAdminApiTests<PostgresApp>(app);
