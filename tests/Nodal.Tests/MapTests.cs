using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nodal.Web.Features.Map;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>The projection the server places cities with agrees with the one the country shapes were drawn with.</summary>
public sealed class MapProjectionTests
{
    [Fact]
    public void The_projection_agrees_with_d3_on_the_reference_points_within_half_a_pixel()
    {
        Assert.True(WorldMap.ReferencePoints.Count >= 10);
        foreach (var p in WorldMap.ReferencePoints)
        {
            var (x, y) = WorldMap.Projection.Project(p.Lat, p.Lon);
            Assert.True(Math.Abs(x - p.X) <= 0.5 && Math.Abs(y - p.Y) <= 0.5, $"({p.Lat}, {p.Lon}) → ({x:0.##}, {y:0.##}), d3 says ({p.X}, {p.Y})");
        }
    }

    [Fact]
    public void Shapes_are_keyed_by_iso_codes_and_the_file_stays_small()
    {
        Assert.True(WorldMap.Countries.Count > 170);
        Assert.All(WorldMap.Countries.Keys, code => Assert.Matches("^[A-Z]{2}$", code));
        foreach (var code in new[] { "IT", "AR", "JP", "AU", "SN", "ES", "US" }) Assert.StartsWith("M", WorldMap.Countries[code]);
        Assert.Equal((960, 500), (WorldMap.Width, WorldMap.Height));
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Nodal.Web.Features.Map.world.json")!;
        Assert.InRange(stream.Length, 50_000, 300_000);
    }

    [Fact]
    public void A_point_falls_inside_its_country_bounding_box()
    {
        // Genoa lies within the extent of Italy's shape.
        var (x, y) = WorldMap.Projection.Project(44.40478, 8.94439);
        var numbers = Regex.Matches(WorldMap.Countries["IT"], @"-?\d+(\.\d+)?").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var xs = numbers.Where((_, i) => i % 2 == 0).ToList();
        var ys = numbers.Where((_, i) => i % 2 == 1).ToList();
        Assert.InRange(x, xs.Min(), xs.Max());
        Assert.InRange(y, ys.Min(), ys.Max());
    }

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(3, new[] { 1, 2, 3 })]
    [InlineData(5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(100, new[] { 3, 6, 16, 40, 100 })]
    [InlineData(6, new[] { 1, 2, 3, 4, 6 })]
    public void Classes_have_increasing_bounds_ending_at_the_maximum(int max, int[] expected)
    {
        var bounds = MapClasses.Bounds(max);
        Assert.Equal(expected, bounds);
        if (max > 0)
        {
            Assert.Equal(1, MapClasses.Of(1, bounds));
            Assert.Equal(bounds.Count, MapClasses.Of(max, bounds));
        }
        Assert.Equal(0, MapClasses.Of(0, bounds));
    }
}

/// <summary>The world map page and the GeoJSON of partners, on the demo's relations.</summary>
public abstract class MapTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Viewer = "concejal@solmar.example";

    /// <summary>The numbers of a country's row: counterparts, agreements, memberships, projects, missions.</summary>
    private static int[] Row(string html, string country)
    {
        var row = Regex.Match(html, $"<tr class=\"govuk-table__row\" data-country=\"{country}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {country}");
        return Regex.Matches(row.Groups[1].Value, "<td[^>]*>(?:<a[^>]*>)?([0-9]+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public async Task The_map_lists_the_countries_with_their_relations_and_draws_the_partner_cities()
    {
        using var web = await app.SignInAsync(TestApp.AdminEmail);
        var html = await web.GetHtmlAsync("/solmar/map");
        Assert.Contains("<svg id=\"world-map\"", html);
        Assert.Contains("role=\"img\" aria-labelledby=\"world-map-title world-map-desc\"", html);
        Assert.DoesNotContain("<script>", html);

        // Counted by hand from the demo (DemoRelations): counterparts, agreements, memberships, projects, missions.
        Assert.Equal([1, 2, 0, 0, 1], Row(html, "IT"));
        Assert.Equal([3, 0, 1, 0, 1], Row(html, "DE"));
        Assert.Equal([2, 1, 0, 2, 1], Row(html, "MA"));
        Assert.Equal([1, 1, 0, 1, 1], Row(html, "AR"));
        Assert.Equal([5, 0, 2, 0, 1], Row(html, "ES"));
        Assert.Equal([1, 0, 1, 0, 1], Row(html, "BE"));
        Assert.Equal([1, 1, 0, 0, 1], Row(html, "JP"));
        Assert.Equal([0, 0, 0, 0, 1], Row(html, "IN"));
        Assert.Equal(25, Regex.Matches(html, "data-country=\"[A-Z]{2}\">").Count);
        // Names in the user's language, links to the filtered lists.
        Assert.Contains(">Italy</th>", html);
        Assert.Contains("href=\"/solmar/agreements?country=IT\"", html);
        Assert.Contains("href=\"/solmar/projects?country=MA\"", html);
        Assert.Contains("href=\"/solmar/missions?country=IN\"", html);
        Assert.Contains("href=\"/solmar/counterparts?country=DE\"", html);

        // Italy is shaded; Genoa is a circle at its projected place with a tooltip.
        Assert.Matches("<path d=\"M[^\"]+\" data-country=\"IT\" data-class=\"[1-5]\" fill=\"url\\(#world-map-c[1-5]\\)\"><title>Italy", html);
        var (x, y) = WorldMap.Projection.Project(44.40478, 8.94439);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\""), html);
        Assert.Matches("<circle [^>]+><title>Comune di Genova \\(Italy\\): 2 agreements, 0 projects, 1 missions and events</title>", html);
        // Places and memberships tables.
        Assert.Contains(">Mumbai</th>", html);
        Assert.Contains("Metropolis – World Association of the Major Metropolises (Metropolis)", html);
        Assert.Equal(5, Regex.Matches(Regex.Match(html, "<table class=\"govuk-table\" id=\"map-networks\">.*?</table>", RegexOptions.Singleline).Value, "<th scope=\"row\"").Count);
    }

    [Fact]
    public async Task Filters_change_the_counts_and_the_shading()
    {
        using var web = await app.SignInAsync(Viewer, language: "es");
        var all = await web.GetHtmlAsync("/solmar/map?kind=Agreements");
        Assert.Contains(">Italia</th>", all);
        Assert.Equal(12, Regex.Matches(all, "data-class=\"[1-5]\"").Count);

        // Only active agreements: Italy keeps the renewal, not the renewed twinning; Portugal's expired memorandum goes.
        var active = await web.GetHtmlAsync("/solmar/map?kind=Agreements&status=Active");
        Assert.Equal(1, Row(active, "IT")[1]);
        Assert.Equal(0, Row(active, "PT")[1]);
        Assert.Equal(8, Regex.Matches(active, "data-class=\"[1-5]\"").Count);
        Assert.Contains("<option value=\"Active\" selected=\"selected\">", active);

        // One year: what overlaps 2025 only. No mission took place in 2025.
        var year = await web.GetHtmlAsync("/solmar/map?kind=Missions&from=2025&to=2025");
        Assert.Equal([1, 1, 0, 0, 0], Row(year, "IT"));
        Assert.Equal(1, Row(year, "PT")[1]);
        Assert.DoesNotContain("data-class=", year);
        Assert.DoesNotContain("<circle cx", year);

        // Projects: Morocco has two, drawn darker than a country with one.
        var projects = await web.GetHtmlAsync("/solmar/map?kind=Projects");
        var ma = Regex.Match(projects, "data-country=\"MA\" data-class=\"([1-5])\"").Groups[1].Value;
        var tn = Regex.Match(projects, "data-country=\"TN\" data-class=\"([1-5])\"").Groups[1].Value;
        Assert.True(int.Parse(ma, CultureInfo.InvariantCulture) > int.Parse(tn, CultureInfo.InvariantCulture));

        // Nonsense in the query string is ignored.
        var odd = await web.GetHtmlAsync("/solmar/map?kind=99&from=12&status=77");
        Assert.Equal([1, 2, 0, 0, 1], Row(odd, "IT"));
    }

    [Fact]
    public async Task Another_organization_sees_none_of_it()
    {
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        var html = await admin.GetHtmlAsync("/costa-alta/map");
        Assert.DoesNotContain("data-class=", html);
        Assert.DoesNotContain("Genova", html);
        Assert.DoesNotContain("<circle cx", html);
        var geo = JsonDocument.Parse(await admin.Http.GetStringAsync("/costa-alta/map/partners.geojson"));
        Assert.Equal(0, geo.RootElement.GetProperty("features").GetArrayLength());

        using var solmarUser = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await solmarUser.GetAsync("/costa-alta/map")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await solmarUser.GetAsync("/costa-alta/map/partners.geojson")).StatusCode);
    }

    [Fact]
    public async Task The_partners_geojson_is_a_valid_feature_collection_of_every_placed_counterpart()
    {
        using var web = await app.SignInAsync(Viewer);
        var page = await web.GetAsync("/solmar/map/partners.geojson");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("application/geo+json", page.Content.Headers.ContentType!.MediaType);
        var fromPage = await page.Content.ReadAsStringAsync();

        using var api = await app.ApiClientAsync(Viewer);
        var response = await api.GetAsync("/api/v1/map/partners.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(fromPage, json);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _)); // RFC 7946 removed it: WGS 84 is implied.
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(20, features.Count);
        foreach (var f in features)
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            var geometry = f.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var position = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal(2, position.Count);
            Assert.InRange(position[0], -180, 180);
            Assert.InRange(position[1], -90, 90);
            var props = f.GetProperty("properties");
            foreach (var name in new[] { "code", "name", "kind", "country", "link" })
                Assert.Equal(JsonValueKind.String, props.GetProperty(name).ValueKind);
            Assert.Equal(JsonValueKind.Number, props.GetProperty("agreements").ValueKind);
            Assert.Matches("^https?://[^/]+/solmar/counterparts/[0-9a-f-]{36}$", props.GetProperty("link").GetString());
        }
        var genoa = Assert.Single(features, f => f.GetProperty("properties").GetProperty("code").GetString() == "CP-0001");
        var coordinates = genoa.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(8.94439, coordinates[0].GetDouble(), 4); // longitude first
        Assert.Equal(44.40478, coordinates[1].GetDouble(), 4);
        Assert.Equal("Comune di Genova", genoa.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("City", genoa.GetProperty("properties").GetProperty("kind").GetString());
        Assert.Equal("IT", genoa.GetProperty("properties").GetProperty("country").GetString());
        Assert.Equal(2, genoa.GetProperty("properties").GetProperty("agreements").GetInt32());
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("kind").GetString() == "LocalGovernment");

        // Without a token the API answers 401.
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/map/partners.geojson")).StatusCode);
    }
}

public sealed class MapTestsOnSqlite(SqliteApp app) : MapTests<SqliteApp>(app);
public sealed class MapTestsOnPostgres(PostgresApp app) : MapTests<PostgresApp>(app);
