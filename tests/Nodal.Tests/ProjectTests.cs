using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Relations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Cooperation projects: the API with partners and transactions, roles, tenancy, concurrency, the pages and their errors, on each database.</summary>
public abstract class ProjectTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPoint = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private static string NewCode() => "PT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    internal static object FullProject(string code, string title = "Agua para Tambacounda") => new
    {
        code,
        title = new { es = title, en = "Water for Tambacounda", fr = "De l'eau pour Tambacounda" },
        description = new { es = "Red de agua potable", en = "Drinking water network", fr = "Réseau d'eau potable" },
        kind = "Triangular", ourRole = "Funder", support = new[] { "FinancialTransfer", "CapacityBuilding" },
        sectors = new[] { "14030", "15112" }, countries = new[] { "SN", "MA" }, regions = new[] { "011" },
        status = "Implementation", plannedStart = "2025-01-01", plannedEnd = "2027-12-31", actualStart = "2025-02-01",
        budget = 250000m, currency = "EUR",
        beneficiaries = new { es = "Barrios periféricos" }, beneficiaryCount = 12000, results = new { es = "3 pozos" },
    };

    internal static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/projects", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/projects answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task A_coordinator_keeps_a_project_with_partners_and_transactions_and_sees_totals_per_kind_and_currency()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var code = NewCode();
        var created = await CreateAsync(api, FullProject(code));
        var id = (string)created["id"]!;
        Assert.Equal(code, (string)created["code"]!);
        Assert.Equal(["14030", "15112"], created["sectors"]!.AsArray().Select(s => (string)s!).ToArray());

        var partner = await api.PostAsJsonAsync($"/api/v1/projects/{id}/partners", new { name = "Commune de Tambacounda", role = "Implementing", iatiRef = "SN-COM-123", iatiType = 11 });
        Assert.Equal(HttpStatusCode.Created, partner.StatusCode);
        foreach (var (kind, amount, currency) in new[] { ("Commitment", 100000m, "EUR"), ("Disbursement", 40000m, "EUR"), ("Disbursement", 20000m, "EUR"), ("Disbursement", 5000m, "USD") })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", new { kind, on = "2025-03-01", amount, currency })).StatusCode);

        var dto = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}"))!;
        Assert.Single(dto["partners"]!.AsArray());
        Assert.Equal(4, dto["transactions"]!.AsArray().Count);
        var totals = dto["totals"]!.AsArray().Select(t => ((string)t!["kind"]!, (string)t["currency"]!, (decimal)t["amount"]!)).ToList();
        Assert.Contains(("Disbursement", "EUR", 60000m), totals);
        Assert.Contains(("Disbursement", "USD", 5000m), totals);
        Assert.Contains(("Commitment", "EUR", 100000m), totals);

        // The details page shows the same totals, the partner and every field.
        using var page = await app.SignInAsync(Coordinator);
        var html = await page.GetHtmlAsync($"/solmar/projects/{id}");
        Assert.Contains("Commune de Tambacounda", html);
        Assert.Matches(@"60\W000 EUR", html);
        Assert.Matches(@"5\W000 USD", html);
        Assert.Contains("14030", html);
        Assert.Contains("Cooperación triangular", html); // the demo user reads in Spanish

        // A transaction added since the project was read makes the project's version stale: 409 with the current values.
        var stale = await api.PutAsJsonAsync($"/api/v1/projects/{id}", With(FullProject(code, "Cambio tardío"), (long)created["version"]!));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Agua para Tambacounda", (string)problem["current"]!["title"]!["es"]!);

        var fresh = await api.PutAsJsonAsync($"/api/v1/projects/{id}", With(FullProject(code, "Agua y saneamiento"), (long)dto["version"]!));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var history = await api.GetFromJsonAsync<JsonArray>($"/api/v1/projects/{id}/history");
        Assert.True(history!.Count >= 2);

        // The list filters by sector category, country, role and year, and adds the budgets up per currency.
        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects?sector=140&country=SN&role=Funder&year=2026&q={code}"))!;
        Assert.Equal(1, (int)list["list"]!["total"]!);
        Assert.Equal(250000m, (decimal)list["budgets"]!.AsArray().Single()!["amount"]!);
        var none = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects?sector=111&q={code}"))!;
        Assert.Equal(0, (int)none["list"]!["total"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{id}")).StatusCode);
    }

    private static JsonObject With(object body, long version)
    {
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        json["version"] = version;
        return json;
    }

    [Fact]
    public async Task Invalid_codes_and_dates_are_refused_field_by_field_in_Spanish()
    {
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var response = await api.PostAsJsonAsync("/api/v1/projects", new
        {
            title = new { es = "Proyecto" }, kind = "Decentralized", ourRole = "Funder", status = "Pipeline",
            sectors = new[] { "99999" }, countries = new[] { "ZZ" }, regions = new[] { "777" }, currency = "EURO",
            plannedStart = "2026-05-01", plannedEnd = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var all = string.Join(" | ", errors.SelectMany(e => e.Value!.AsArray().Select(m => (string)m!)));
        Assert.Contains("99999 no es un código de sector CAD de 5 dígitos.", all);
        Assert.Contains("ZZ", all);
        Assert.Contains("777", all);
        Assert.Contains("ISO 4217", all);
        Assert.Contains("plannedEnd", errors.Select(e => e.Key));

        var created = await CreateAsync(api, FullProject(NewCode()));
        var badTransaction = await api.PostAsJsonAsync($"/api/v1/projects/{created["id"]}/transactions", new { kind = "Disbursement", amount = 0 });
        var terrors = (await badTransaction.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("Indique un importe mayor que cero.", (string)terrors["amount"]![0]!);
        Assert.Equal("Indique la fecha de la transacción.", (string)terrors["on"]![0]!);
        var badPartner = await api.PostAsJsonAsync($"/api/v1/projects/{created["id"]}/partners", new { role = "Funding" });
        Assert.Equal(HttpStatusCode.BadRequest, badPartner.StatusCode);
        Assert.Contains("Elija una contraparte registrada", await badPartner.Content.ReadAsStringAsync());

        // The form puts the Spanish errors next to the fields.
        using var page = await app.SignInAsync(Coordinator, language: "es");
        var posted = await page.PostFormAsync("/solmar/projects/new", new()
        {
            ["Input.Title.En"] = "Only English", ["Input.Kind"] = "Decentralized", ["Input.OurRole"] = "Funder", ["Input.Status"] = "Pipeline",
            ["Input.Sectors[0]"] = "14030", ["Input.Countries"] = "SN, QQ", ["Input.PlannedStart"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("Indique el título en", html);
        Assert.Contains("QQ", html);
        Assert.Contains("govuk-error-summary", html);
    }

    [Fact]
    public async Task The_form_adds_a_project_and_its_child_forms_add_a_partner_and_a_transaction()
    {
        using var page = await app.SignInAsync(Coordinator);
        var form = await page.GetHtmlAsync("/solmar/projects/new");
        Assert.Contains("<optgroup label=\"140 — Water Supply &amp; Sanitation\">", form);
        var code = NewCode();
        var posted = await page.PostFormAsync("/solmar/projects/new", new()
        {
            ["Input.Code"] = code, ["Input.Title.Es"] = "Formación de técnicos", ["Input.Kind"] = "SouthSouth", ["Input.OurRole"] = "Partner",
            ["Input.Status"] = "Pipeline", ["Input.Sectors[0]"] = "15112", ["Input.Sectors[1]"] = "", ["Input.Support"] = "TechnicalAssistance",
            ["Input.Countries"] = "BO", ["Input.PlannedStart"] = "2026-03-01", ["Input.Budget"] = "1500", ["Input.Currency"] = "USD",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var url = posted.Headers.Location!.ToString();
        var id = url.Split('/').Last();

        var partner = await page.PostFormAsync($"/solmar/projects/{id}/partners/new", new() { ["Input.Name"] = "Alcaldía de La Paz", ["Input.Role"] = "Implementing", ["Input.IatiType"] = "11" });
        Assert.Equal(HttpStatusCode.Redirect, partner.StatusCode);
        var transaction = await page.PostFormAsync($"/solmar/projects/{id}/transactions/new", new() { ["Input.Kind"] = "Commitment", ["Input.On"] = "2026-03-02", ["Input.Amount"] = "1500", ["Input.Currency"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, transaction.StatusCode);

        var details = await page.GetHtmlAsync(url);
        Assert.Contains("Alcaldía de La Paz", details);
        Assert.Matches(@"1\W500 USD", details); // the transaction took the project's currency
        var list = await page.GetHtmlAsync($"/solmar/projects?q={code}");
        Assert.Contains("Formación de técnicos", list);

        var stored = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Code == code), await app.OrgIdAsync(Seeder.DemoSlug));
        Assert.Equal(CooperationKind.SouthSouth, stored.Kind);
        Assert.Equal([SupportKind.TechnicalAssistance], stored.Support);
        Assert.Equal(["15112"], stored.Sectors);
    }

    [Fact]
    public async Task Viewers_and_focal_points_cannot_change_projects_and_another_organization_s_project_is_not_found()
    {
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(coordinator, FullProject(NewCode()));
        var id = (string)created["id"]!;
        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/projects", FullProject(NewCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/projects/{id}")).StatusCode);
        using var focal = await app.ApiClientAsync(FocalPoint);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", new { kind = "Disbursement", on = "2026-01-01", amount = 5 })).StatusCode);
        using var viewerPage = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerPage.GetAsync($"/solmar/projects/{id}/edit")).StatusCode);

        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreign = await app.WithDbAsync(async db =>
        {
            var p = new CooperationProject { OrganizationId = costaAlta, Code = "PR-9001", Title = new LocalizedText("De Costa Alta", null, null), PlannedStart = new DateOnly(2026, 1, 1) };
            db.Projects.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        }, costaAlta);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/projects/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync($"/api/v1/projects/{foreign}/partners", new { name = "X", role = "Funding" })).StatusCode);
        using var page = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/solmar/projects/{foreign}")).StatusCode);
        Assert.DoesNotContain("De Costa Alta", await page.GetHtmlAsync("/solmar/projects?pageSize=200"));
    }

    [Fact]
    public async Task Without_an_IATI_organisation_identifier_the_export_explains_how_to_set_it()
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        await app.WithDbAsync(async db =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Id == orgId);
            org.IatiOrganisationId = null;
            return await db.SaveChangesAsync();
        }, orgId);
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var response = await api.GetAsync("/api/v1/projects/iati");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("identificador de organización IATI", await response.Content.ReadAsStringAsync());
        using var page = await app.SignInAsync(Coordinator);
        var html = System.Net.WebUtility.HtmlDecode(await page.GetHtmlAsync("/solmar/projects/iati.xml"));
        Assert.Contains("La organización no tiene identificador de organización IATI.", html); // the demo user reads in Spanish
        Assert.Contains("ES-DIR3-L01280796", html);
    }
}

public sealed class ProjectTestsOnSqlite(SqliteApp app) : ProjectTests<SqliteApp>(app);
public sealed class ProjectTestsOnPostgres(PostgresApp app) : ProjectTests<PostgresApp>(app);
