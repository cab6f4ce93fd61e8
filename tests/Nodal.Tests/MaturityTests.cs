using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The maturity self-assessment through the page and the API: a check's score and evidence follow the data, adoption
/// keeps a record, recording by hand needs ManageMonitoring, the trend lists the records, other organizations get 404.
/// Each test builds its own plan: the demo holds other plans and monitoring data.
/// </summary>
public abstract class MaturityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private static async Task<JsonObject> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<(Guid Plan, Guid O1, Guid O2, long Version)> PlanWithTwoObjectivesAsync(HttpClient api, string title)
    {
        var plan = await Json(await api.PostAsJsonAsync("/api/v1/plans", new { title = new { es = title }, startYear = 2025, endYear = 2028 }), HttpStatusCode.Created);
        var id = (string)plan["id"]!;
        var o1 = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/objectives", new { family = "Exchange", statement = new { es = "Objetivo medido" } }), HttpStatusCode.Created);
        var o2 = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/objectives", new { family = "Projection", statement = new { es = "Objetivo sin indicador" } }), HttpStatusCode.Created);
        return (Guid.Parse(id), Guid.Parse((string)o1["id"]!), Guid.Parse((string)o2["id"]!), (long)plan["version"]!);
    }

    /// <summary>An indicator of the objective with a baseline and a target for 2026.</summary>
    private async Task AddEvaluableIndicatorAsync(Guid planId, Guid objectiveId, string code) =>
        await app.WithDbAsync(async db =>
        {
            var department = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            var indicator = new Indicator
            {
                PlanId = planId, Code = code, Name = new LocalizedText("Visitantes", null, null), Level = IndicatorLevel.Territorial,
                OwnerDepartmentId = department, ObjectiveId = objectiveId, BaselineValue = 100, BaselineDate = new DateOnly(2024, 12, 31),
            };
            db.Add(indicator);
            db.Add(new IndicatorTarget { IndicatorId = indicator.Id, Period = new DateOnly(2026, 1, 1), Span = Frequency.Yearly, Value = 150 });
            await db.SaveChangesAsync();
            return 0;
        }, await app.OrgIdAsync(Seeder.DemoSlug));

    /// <summary>The HTML of one check's card on the page.</summary>
    private static string Card(string html, string key)
    {
        var start = html.IndexOf($"id=\"check-{key}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No card for {key}");
        var end = html.IndexOf("class=\"govuk-summary-card\"", start + 10, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [Fact]
    public async Task The_evaluable_check_and_its_evidence_follow_the_indicators_of_the_objectives()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var (planId, o1, o2, _) = await PlanWithTwoObjectivesAsync(api, "Plan de madurez evaluable");
        await AddEvaluableIndicatorAsync(planId, o1, $"MAT-{Guid.NewGuid():N}"[..12]);

        // O1 has an indicator with baseline and target, O2 none: 1 of 2, partly met; the evidence links O2.
        // The councillor reads Nodal in Spanish: the paper's sentence alone.
        using var web = await app.SignInAsync(Viewer);
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{planId}/maturity");
        var card = Card(html, "a4.evaluable");
        Assert.Contains("(1 de 2)", card);
        Assert.Contains(">Se cumple en parte<", card);
        Assert.Contains($"/{Seeder.DemoSlug}/plans/{planId}/objectives/{o2}", card);
        Assert.DoesNotContain($"/objectives/{o1}", card);
        Assert.Contains("«Es evaluable y flexible.»", card);
        Assert.DoesNotContain("It is evaluable and flexible.", card);
        // In English, the sentence and its translation; what Nodal does not hold is said, not faked.
        using var admin = await app.SignInAsync(TestApp.AdminEmail, language: "en");
        var english = await admin.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{planId}/maturity");
        Assert.Contains("(1 of 2)", Card(english, "a4.evaluable"));
        Assert.Contains("It is evaluable and flexible.", Card(english, "a4.evaluable"));
        Assert.Contains("Not assessable yet: Nodal does not hold the consultations of local actors yet.", Card(english, "a3.consultation"));

        var before = await Json(await api.GetAsync($"/api/v1/plans/{planId}/maturity"), HttpStatusCode.OK);
        var check = before["checks"]!.AsArray().Single(c => (string)c!["key"]! == "a4.evaluable")!;
        Assert.Equal("Partly", (string)check["level"]!);
        Assert.Equal(0.5, (double)check["score"]!);
        Assert.Equal([o2.ToString()], check["evidence"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal("NotAssessable", (string)before["checks"]!.AsArray().Single(c => (string)c!["key"]! == "r8.communication")!["level"]!);

        // An indicator with baseline and target for O2: 2 of 2, met, nothing missing.
        await AddEvaluableIndicatorAsync(planId, o2, $"MAT-{Guid.NewGuid():N}"[..12]);
        card = Card(await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{planId}/maturity"), "a4.evaluable");
        Assert.Contains("(2 de 2)", card);
        Assert.Contains(">Se cumple<", card);
        Assert.DoesNotContain($"/objectives/{o2}", card);
        Assert.DoesNotContain("id=\"evidence-a4.evaluable\"", card);
    }

    [Fact]
    public async Task Adopting_a_plan_keeps_a_record_with_the_version_frozen_and_the_trend_table_lists_it()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var (planId, o1, _, version) = await PlanWithTwoObjectivesAsync(api, "Plan de madurez aprobado");
        await AddEvaluableIndicatorAsync(planId, o1, $"MAT-{Guid.NewGuid():N}"[..12]);
        Assert.Empty(await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{planId}/maturity/records") ?? []);

        await Json(await api.PostAsJsonAsync($"/api/v1/plans/{planId}/status",
            new { to = "Adopted", adoptedOn = "2025-03-30", adoptedBy = "Pleno", adoptionAct = "Acuerdo 7/2025", version }), HttpStatusCode.OK);

        var records = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{planId}/maturity/records"))!;
        var record = Assert.Single(records)!;
        Assert.Equal(1, (int)record["planVersionNumber"]!);
        Assert.NotNull(record["planVersionId"]);
        Assert.Equal(Coordinator, (string)record["takenBy"]!);
        // Taken after the version was frozen: the plan reads adopted; one objective of two is evaluable.
        Assert.Equal(1.0, (double)record["scores"]!["r1.adopted"]!["s"]!);
        Assert.Equal(0.5, (double)record["scores"]!["a4.evaluable"]!["s"]!);
        Assert.Equal(2, (int)record["scores"]!["a4.evaluable"]!["d"]!);
        Assert.Equal(1, await app.WithDbAsync(db => db.MaturityRecords.CountAsync(r => r.PlanId == planId && r.PlanVersionId != null), await app.OrgIdAsync(Seeder.DemoSlug)));

        using var web = await app.SignInAsync(Viewer);
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{planId}/maturity");
        Assert.Contains("id=\"table-trend\"", html);
        Assert.Contains("versión 1", html);
        Assert.DoesNotContain("id=\"no-records\"", html);
        // Viewers do not get the button.
        Assert.DoesNotContain("Registrar la autoevaluación de hoy", html);
    }

    [Fact]
    public async Task Recording_by_hand_needs_ManageMonitoring_and_each_record_is_a_column_of_the_trend()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var (planId, _, _, _) = await PlanWithTwoObjectivesAsync(api, "Plan de madurez registrado");

        using var viewerApi = await app.ApiClientAsync(Viewer);
        using var focalApi = await app.ApiClientAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PostAsync($"/api/v1/plans/{planId}/maturity/records", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focalApi.PostAsync($"/api/v1/plans/{planId}/maturity/records", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerApi.GetAsync($"/api/v1/plans/{planId}/maturity")).StatusCode);

        var url = $"/{Seeder.DemoSlug}/plans/{planId}/maturity";
        using (var viewer = await app.SignInAsync(Viewer))
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync($"{url}?handler=Record", [], url)).StatusCode);
        using (var focal = await app.SignInAsync(FocalPointMobility))
            Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostFormAsync($"{url}?handler=Record", [], url)).StatusCode);
        Assert.Empty(await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{planId}/maturity/records") ?? []);

        var created = await Json(await api.PostAsync($"/api/v1/plans/{planId}/maturity/records", null), HttpStatusCode.Created);
        Assert.Null(created["planVersionId"]);
        Assert.Equal(0.0, (double)created["scores"]!["a4.evaluable"]!["s"]!);

        using var web = await app.SignInAsync(Coordinator);
        Assert.Contains("Registrar la autoevaluación de hoy", await web.GetHtmlAsync(url));
        var posted = await web.PostFormAsync($"{url}?handler=Record", [], url);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var records = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{planId}/maturity/records"))!;
        Assert.Equal(2, records.Count);
        var html = await web.GetHtmlAsync(url);
        var table = html[html.IndexOf("id=\"table-trend\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        // Two records and today: three score columns after the check's name.
        var header = table[..table.IndexOf("</thead>", StringComparison.Ordinal)];
        Assert.Equal(4, header.Split("scope=\"col\"").Length - 1);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">Objetivos evaluables</th>", table);
    }

    [Fact]
    public async Task The_demo_plans_are_assessed_whatever_data_they_hold()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        using var web = await app.SignInAsync(Viewer);
        foreach (var plan in (await api.GetFromJsonAsync<JsonArray>("/api/v1/plans"))!)
        {
            var id = (string)plan!["id"]!;
            var m = await Json(await api.GetAsync($"/api/v1/plans/{id}/maturity"), HttpStatusCode.OK);
            var summary = m["summary"]!;
            Assert.Equal(Maturity.Checks.Count, (int)summary["met"]! + (int)summary["partly"]! + (int)summary["notMet"]! + (int)summary["notAssessable"]!);
            Assert.All(m["checks"]!.AsArray(), c => Assert.Equal((int)c!["evidenceTotal"]! > 0, c["evidence"]!.AsArray().Count > 0));
            Assert.Contains("id=\"maturity-summary\"", await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{id}/maturity"));
        }
    }

    [Fact]
    public async Task Another_organizations_plan_answers_404()
    {
        using var other = await app.ApiClientAsync(TestApp.AdminEmail, Seeder.SecondDemoSlug);
        var foreign = await Json(await other.PostAsJsonAsync("/api/v1/plans", new { title = new { es = "Plan ajeno de madurez" }, startYear = 2025, endYear = 2027 }), HttpStatusCode.Created);
        var id = (string)foreign["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/v1/plans/{id}/maturity")).StatusCode);

        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plans/{id}/maturity")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plans/{id}/maturity/records")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/plans/{id}/maturity/records", null)).StatusCode);

        using var web = await app.SignInAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/{Seeder.DemoSlug}/plans/{id}/maturity")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MaturityRecords.CountAsync(r => r.PlanId == Guid.Parse(id)), await app.OrgIdAsync(Seeder.SecondDemoSlug)));
    }
}

public sealed class MaturityTestsOnSqlite(SqliteApp app) : MaturityTests<SqliteApp>(app);
public sealed class MaturityTestsOnPostgres(PostgresApp app) : MaturityTests<PostgresApp>(app);
