using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Data;
using Nodal.Web.Features.Trash;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>The platform's lists (members, office, Trash, organizations) and the office's details pages, on each database.</summary>
public abstract class PlatformListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string Viewer = "concejal@solmar.example";
    private const string Contributor = "camara.comercio@solmar.example";

    private static string Tag() => "q" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonObject> CreateUnitAsync(HttpClient api, string name, int staff, int order = 0)
    {
        var response = await api.PostAsJsonAsync("/api/v1/office/units", new { name = new { es = name, en = name + " EN" }, mission = new { es = "Misión de " + name }, staff, sortOrder = order });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> PageAsync(HttpClient api, string url) => (await api.GetFromJsonAsync<JsonObject>(url))!;
    private static string[] Field(JsonObject page, string field) => page["items"]!.AsArray().Select(i => i![field]!.ToString()).ToArray();

    [Fact]
    public async Task Office_units_are_searched_sorted_and_paged_in_the_api()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = Tag();
        await CreateUnitAsync(api, $"Redes {tag}", 7, 3);
        await CreateUnitAsync(api, $"Cooperación {tag}", 2, 1);
        await CreateUnitAsync(api, $"Agenda {tag}", 12, 2);

        var byStaff = await PageAsync(api, $"/api/v1/office/units?q={tag}&sort=staff&dir=desc");
        Assert.Equal(3, (int)byStaff["total"]!);
        Assert.Equal(["12", "7", "2"], Field(byStaff, "staff"));
        var byOrder = await PageAsync(api, $"/api/v1/office/units?q={tag}");
        Assert.Equal([$"Cooperación {tag}", $"Agenda {tag}", $"Redes {tag}"], byOrder["items"]!.AsArray().Select(i => (string)i!["name"]!["es"]!).ToArray());
        var second = await PageAsync(api, $"/api/v1/office/units?q={tag}&sort=staff&pageSize=2&page=2");
        Assert.Equal(3, (int)second["total"]!);
        Assert.Equal(2, (int)second["page"]!);
        Assert.Equal(["12"], Field(second, "staff"));
        // The mission is searched too, and a search that finds nothing says so with a zero total.
        Assert.Equal(1, (int)(await PageAsync(api, $"/api/v1/office/units?q={Uri.EscapeDataString($"Misión de Redes {tag}")}"))["total"]!);
        Assert.Equal(0, (int)(await PageAsync(api, $"/api/v1/office/units?q={tag}zzz"))["total"]!);
    }

    [Fact]
    public async Task Office_years_are_filtered_by_a_range_and_sorted_by_budget()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var budgets = new Dictionary<int, decimal> { [1961] = 900_000m, [1962] = 10_000_000m, [1963] = 2_500_000.5m, [1964] = 80_000m, [1965] = 1m };
        foreach (var (year, budget) in budgets)
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/office/years", new { year, staff = year - 1950, budget, currency = "EUR" })).StatusCode);

        var range = await PageAsync(api, "/api/v1/office/years?from=1962&to=1964");
        Assert.Equal(["1964", "1963", "1962"], Field(range, "year")); // newest first by default
        var byBudget = await PageAsync(api, "/api/v1/office/years?from=1961&to=1965&sort=budget&dir=desc");
        Assert.Equal(["1962", "1963", "1961", "1964", "1965"], Field(byBudget, "year"));
        var ascending = await PageAsync(api, "/api/v1/office/years?from=1961&to=1965&sort=year&dir=asc&pageSize=2&page=3");
        Assert.Equal(5, (int)ascending["total"]!);
        Assert.Equal(["1965"], Field(ascending, "year"));

        using var viewer = await app.SignInAsync(Viewer);
        var html = await viewer.GetHtmlAsync("/solmar/office?yfrom=1962&yto=1963");
        Assert.Contains(">1962</a>", html);
        Assert.Contains(">1963</a>", html);
        Assert.DoesNotContain(">1961</a>", html);
        Assert.DoesNotContain(">1964</a>", html);
        Assert.DoesNotContain("/edit\"", html); // a viewer reads, changes nothing
    }

    [Fact]
    public async Task The_office_page_searches_each_list_and_htmx_refreshes_only_that_list()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = Tag();
        var unit = await CreateUnitAsync(api, $"Protocolo {tag}", 4);
        using var client = await app.SignInAsync(Coordinator);

        var full = await client.GetHtmlAsync($"/solmar/office?uq={tag}");
        Assert.Contains($"href=\"/solmar/office/units/{unit["id"]}\"", full);
        Assert.Contains($"href=\"/solmar/office/units/{unit["id"]}/edit\"", full);
        Assert.Single(Regex.Matches(full, "href=\"/solmar/office/units/[0-9a-f-]{36}\""));
        Assert.Contains("id=\"year-list\"", full);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/solmar/office?uq={tag}");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "unit-list");
        var partial = await (await client.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", partial);
        Assert.Contains($"Protocolo {tag}", partial);
        Assert.DoesNotContain("id=\"year-list\"", partial);

        var none = await client.GetHtmlAsync($"/solmar/office?uq={tag}-none");
        Assert.Contains("Ninguna unidad coincide.", none); // the coordinator reads Spanish
    }

    [Fact]
    public async Task Office_details_pages_show_the_history_to_whoever_may_read_it()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = Tag();
        var unit = await CreateUnitAsync(api, $"Cooperación {tag}", 5);
        var id = (string)unit["id"]!;
        var changed = await api.PutAsJsonAsync($"/api/v1/office/units/{id}", new { name = new { es = $"Cooperación descentralizada {tag}" }, staff = 6, version = (long)unit["version"]! });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var year = await api.PostAsJsonAsync("/api/v1/office/years", new { year = 1970, staff = 3, budget = 120_000m, currency = "EUR", notes = "Primer año" });
        var yearId = (string)(await year.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var viewer = await app.SignInAsync(Viewer);
        var page = await viewer.GetHtmlAsync($"/solmar/office/units/{id}");
        Assert.Contains($"Cooperación descentralizada {tag}", page);
        Assert.Contains("id=\"history-title\"", page);
        Assert.Contains($"Cooperación {tag} → Cooperación descentralizada {tag}", page);
        Assert.DoesNotContain("handler=Delete", page);
        var yearPage = await viewer.GetHtmlAsync($"/solmar/office/years/{yearId}");
        Assert.Contains("Primer año", yearPage);
        Assert.Contains("id=\"history-title\"", yearPage);
        Assert.Contains($"href=\"/solmar/office/years/{yearId}\"", await viewer.GetHtmlAsync("/solmar/office?yfrom=1970&yto=1970"));

        using var contributor = await app.SignInAsync(Contributor); // reads the unit, not its history
        var plain = await contributor.GetHtmlAsync($"/solmar/office/units/{id}");
        Assert.Contains($"Cooperación descentralizada {tag}", plain);
        Assert.DoesNotContain("id=\"history-title\"", plain);

        using var viewerApi = await app.ApiClientAsync(Viewer);
        var history = (await viewerApi.GetFromJsonAsync<JsonArray>($"/api/v1/office/units/{id}/history"))!;
        Assert.Equal(["Updated", "Created"], history.Select(h => (string)h!["action"]!).ToArray());
        var yearHistory = (await viewerApi.GetFromJsonAsync<JsonArray>($"/api/v1/office/years/{yearId}/history"))!;
        Assert.Equal(["Created"], yearHistory.Select(h => (string)h!["action"]!).ToArray());
        using var contributorApi = await app.ApiClientAsync(Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributorApi.GetAsync($"/api/v1/office/units/{id}/history")).StatusCode);

        // Another organization's unit is not found, on the page and in the API.
        using var costa = await app.ApiClientAsync(TestApp.AdminEmail, Seeder.SecondDemoSlug);
        Assert.Equal(HttpStatusCode.NotFound, (await costa.GetAsync($"/api/v1/office/units/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await costa.GetAsync($"/api/v1/office/years/{yearId}/history")).StatusCode);
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{Seeder.SecondDemoSlug}/office/units/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{Seeder.SecondDemoSlug}/office/years/{yearId}")).StatusCode);
    }

    [Fact]
    public async Task A_stale_office_delete_is_refused_and_deletes_nothing()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = Tag();
        var unit = await CreateUnitAsync(api, $"Unidad {tag}", 3);
        var id = (string)unit["id"]!;
        var seen = (long)unit["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/office/units/{id}", new { name = new { es = $"Unidad {tag} bis" }, staff = 4, version = seen })).StatusCode);

        var stale = await api.DeleteAsync($"/api/v1/office/units/{id}?version={seen}");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(4, (int)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["staff"]!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/office/units/{id}")).StatusCode);

        // The page does the same: a delete over an old version leaves the unit and says why.
        using var client = await app.SignInAsync(Coordinator);
        var refused = await client.PostFormAsync($"/solmar/office/units/{id}?handler=Delete", new() { ["version"] = seen.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal($"/solmar/office/units/{id}", refused.Headers.Location!.OriginalString);
        Assert.Contains("Otra persona modificó este registro después de que usted lo abriera. Revíselo antes de eliminarlo.", await client.GetHtmlAsync($"/solmar/office/units/{id}"));

        var current = (await PageAsync(api, $"/api/v1/office/units/{id}"))["version"]!.ToString();
        var deleted = await client.PostFormAsync($"/solmar/office/units/{id}?handler=Delete", new() { ["version"] = current });
        Assert.Equal("/solmar/office", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/office/units/{id}")).StatusCode);

        // Years: the API refuses a stale version and accepts the current one.
        var year = await (await api.PostAsJsonAsync("/api/v1/office/years", new { year = 1975, staff = 3, budget = 1m, currency = "EUR" })).Content.ReadFromJsonAsync<JsonObject>();
        var yearId = (string)year!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/office/years/{yearId}", new { year = 1975, staff = 5, budget = 1m, currency = "EUR", version = (long)year["version"]! })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/office/years/{yearId}?version={(long)year["version"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/office/years/{yearId}?version={(long)year["version"]! + 1}")).StatusCode);

        using var viewer = await app.ApiClientAsync(Viewer);
        var other = await CreateUnitAsync(api, $"Otra {tag}", 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/office/units/{other["id"]}")).StatusCode);
    }

    [Fact]
    public async Task The_trash_pages_every_deleted_record_exactly_with_a_kind_filter_and_a_search()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = Tag();
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var unit = await CreateUnitAsync(api, $"Papelera {tag} {i:00}", i);
            ids.Add((string)unit["id"]!);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/office/units/{unit["id"]}")).StatusCode);
        }

        // Searched: 23 matches in three pages of ten, newest first, each once.
        var seen = new List<JsonNode>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await PageAsync(api, $"/api/v1/trash?kind=OfficeUnit&q={tag}&pageSize=10&page={p}");
            Assert.Equal(23, (int)page["total"]!);
            Assert.Equal(p < 3 ? 10 : 3, page["items"]!.AsArray().Count);
            seen.AddRange(page["items"]!.AsArray().Select(i => i!));
        }
        Assert.Equal(ids.AsEnumerable().Reverse(), seen.Select(i => (string)i["id"]!));
        Assert.All(seen, i => Assert.Equal("OfficeUnit", (string)i["type"]!));
        var oldest = await PageAsync(api, $"/api/v1/trash?kind=OfficeUnit&q={tag}&dir=asc&pageSize=1");
        Assert.Equal(ids[0], Field(oldest, "id").Single());
        Assert.Equal(0, (int)(await PageAsync(api, $"/api/v1/trash?kind=Department&q={tag}"))["total"]!);

        // Not searched, every kind: the pages together hold each deleted record once, newest first, and the total is the sum of the kinds.
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var all = new List<JsonNode>();
        var first = await PageAsync(api, "/api/v1/trash?pageSize=7");
        var total = (int)first["total"]!;
        for (var p = 1; p <= (total + 6) / 7; p++)
            all.AddRange((await PageAsync(api, $"/api/v1/trash?pageSize=7&page={p}"))["items"]!.AsArray().Select(i => i!));
        Assert.Equal(total, all.Count);
        Assert.Equal(total, all.Select(i => (string)i["id"]!).Distinct().Count());
        var dates = all.Select(i => (DateTime)i["deletedAt"]!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Subset(all.Select(i => (string)i["id"]!).ToHashSet(), ids.ToHashSet());
        var perKind = 0;
        foreach (var kind in TrashService.Kinds.Keys)
            perKind += (int)(await PageAsync(api, $"/api/v1/trash?kind={kind}&pageSize=1"))["total"]!;
        Assert.Equal(perKind, total);
        var units = await app.WithDbAsync(db => db.OfficeUnits.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(u => u.DeletedAt != null), solmar);
        Assert.Equal(units, (int)(await PageAsync(api, "/api/v1/trash?kind=OfficeUnit"))["total"]!);

        // The page: the same filter, the count and the next page.
        using var client = await app.SignInAsync(Coordinator);
        var html = await client.GetHtmlAsync($"/solmar/trash?kind=OfficeUnit&q={tag}&pageSize=10");
        Assert.Contains("Resultados 1–10 de 23", html); // the coordinator reads Spanish
        Assert.Contains($"Papelera {tag} 22", html);
        Assert.DoesNotContain($"Papelera {tag} 12", html);
        Assert.Contains("rel=\"next\"", html);
        var last = await client.GetHtmlAsync($"/solmar/trash?kind=OfficeUnit&q={tag}&pageSize=10&page=3");
        Assert.Contains($"Papelera {tag} 00", last);
        Assert.Contains("Ningún registro eliminado coincide.", await client.GetHtmlAsync($"/solmar/trash?kind=Plan&q={tag}"));
    }

    [Fact]
    public async Task The_restore_endpoint_names_every_kind_of_the_trash()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var doc = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var description = (string)doc["paths"]!["/api/v1/trash/{kind}/{id}/restore"]!["post"]!["description"]!;
        Assert.All(TrashService.Kinds.Keys, k => Assert.Contains(k, description));
        Assert.NotNull(doc["paths"]!["/api/v1/office/units/{id}/history"]);
        Assert.NotNull(doc["paths"]!["/api/v1/office/years/{id}/history"]);
    }

    private async Task AddMemberAsync(Guid organizationId, string email, string name, OrgRole role, string? departmentCode) =>
        await app.WithDbAsync(async db =>
        {
            var user = new NodalUser
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = name, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
            };
            db.Users.Add(user);
            Guid? department = departmentCode is null ? null : await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync();
            db.Memberships.Add(new Membership { OrganizationId = organizationId, UserId = user.Id, Role = role, DepartmentId = department });
            return await db.SaveChangesAsync();
        }, organizationId);

    [Fact]
    public async Task Members_are_searched_filtered_by_role_and_department_sorted_and_paged()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var tag = Tag();
        await AddMemberAsync(solmar, $"b.{tag}@example.org", $"Berta {tag}", OrgRole.Viewer, null);
        await AddMemberAsync(solmar, $"a.{tag}@example.org", $"Carla {tag}", OrgRole.FocalPoint, "TUR");
        await AddMemberAsync(solmar, $"c.{tag}@example.org", $"Aitor {tag}", OrgRole.Contributor, null);
        await AddMemberAsync(solmar, $"d.{tag}@example.org", $"Dora {tag}", OrgRole.Viewer, null);
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        string[] Names(string html) => Regex.Matches(html, $">(\\w+) {tag}</a>").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(["Aitor", "Berta", "Carla", "Dora"], Names(await admin.GetHtmlAsync($"/solmar/members?q={tag}")));
        Assert.Equal(["Dora", "Carla", "Berta", "Aitor"], Names(await admin.GetHtmlAsync($"/solmar/members?q={tag}&sort=name&dir=desc")));
        Assert.Equal(["Carla", "Berta", "Aitor", "Dora"], Names(await admin.GetHtmlAsync($"/solmar/members?q={tag}&sort=email")));
        Assert.Equal(["Carla", "Aitor", "Berta", "Dora"], Names(await admin.GetHtmlAsync($"/solmar/members?q={tag}&sort=role")));
        Assert.Equal(["Berta", "Dora"], Names(await admin.GetHtmlAsync($"/solmar/members?q={tag}&role=Viewer")));
        Assert.Equal(["Carla"], Names(await admin.GetHtmlAsync($"/solmar/members?q=A.{tag.ToUpperInvariant()}@EXAMPLE"))); // by email, any case
        var tourism = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == "TUR").Select(d => d.Id).SingleAsync(), solmar);
        Assert.Equal(["Carla"], Names(await admin.GetHtmlAsync($"/solmar/members?department={tourism}")));
        var second = await admin.GetHtmlAsync($"/solmar/members?q={tag}&pageSize=3&page=2");
        Assert.Equal(["Dora"], Names(second));
        Assert.Contains("Showing 4–4 of 4", second);
        Assert.Contains("No member matches.", await admin.GetHtmlAsync($"/solmar/members?q={tag}&role=Administrator"));

        using var coordinator = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/solmar/members?q={tag}")).StatusCode);
    }

    [Fact]
    public async Task The_home_page_searches_and_pages_many_organizations_and_the_site_trash_of_organizations_too()
    {
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        var tag = Tag();
        var slugs = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var slug = $"{tag}-{i:00}";
            var created = await admin.PostFormAsync("/organizations/new", new()
            {
                ["Input.Slug"] = slug, ["Input.Name.Es"] = $"Villa {tag} {i:00}", ["Input.Kind"] = "Municipality", ["Input.Country"] = "MX",
                ["Input.Population"] = "1000", ["Input.WorkingLanguages"] = "es", ["Input.DefaultLanguage"] = "es", ["Input.Currency"] = "MXN",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            slugs.Add(slug);
        }
        string[] Listed(string html) => Regex.Matches(html, $"href=\"/({tag}-\\d\\d)\"").Select(m => m.Groups[1].Value).ToArray();

        var home = await admin.GetHtmlAsync("/");
        Assert.Contains("id=\"q\"", home); // many organizations: a search box
        Assert.Contains("href=\"/solmar\"", home);
        var found = await admin.GetHtmlAsync($"/?q={tag}&pageSize=5&page=3");
        Assert.Equal([slugs[10]], Listed(found));
        Assert.Contains("Showing 11–11 of 11", found);
        Assert.DoesNotContain("href=\"/solmar\"", found);
        Assert.Equal(slugs.Take(5), Listed(await admin.GetHtmlAsync($"/?q=villa {tag}&pageSize=5")));

        using var viewer = await app.SignInAsync(Viewer); // one organization: no search box
        var single = await viewer.GetHtmlAsync("/");
        Assert.Contains("href=\"/solmar\"", single);
        Assert.DoesNotContain("id=\"q\"", single);

        foreach (var slug in slugs.Take(3))
        {
            var orgId = await app.OrgIdAsync(slug);
            var version = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == orgId).Select(o => o.Version).SingleAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/{slug}/profile?handler=Delete", new() { ["version"] = version.ToString() }, formPage: $"/{slug}/profile")).StatusCode);
        }
        var trash = await admin.GetHtmlAsync($"/organizations/trash?q={tag}&pageSize=2");
        Assert.Contains("Showing 1–2 of 3", trash);
        Assert.Contains($"/{slugs[2]}<", trash); // newest first
        Assert.DoesNotContain($"/{slugs[0]}<", trash);
        var bySlug = await admin.GetHtmlAsync($"/organizations/trash?q={tag}&sort=slug&dir=asc&pageSize=2&page=2");
        Assert.Contains($"/{slugs[2]}<", bySlug);
        Assert.DoesNotContain($"/{slugs[1]}<", bySlug);
    }
}

public sealed class PlatformListTestsOnSqlite(SqliteApp app) : PlatformListTests<SqliteApp>(app);
public sealed class PlatformListTestsOnPostgres(PostgresApp app) : PlatformListTests<PostgresApp>(app);
