using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Strategic plans through the API and the pages: life cycle, versions, figures, roles, tenants.</summary>
public abstract class PlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
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

    private static async Task<JsonObject> CreatePlanAsync(HttpClient api, string title) =>
        await Json(await api.PostAsJsonAsync("/api/v1/plans", new { title = new { es = title }, startYear = 2025, endYear = 2028 }), HttpStatusCode.Created);

    [Fact]
    public async Task A_plan_is_drafted_adopted_frozen_and_compared_with_what_changed_after()
    {
        using var api = await app.ApiClientAsync(Coordinator);
        var plan = await CreatePlanAsync(api, "Plan de prueba de versiones");
        var id = (string)plan["id"]!;
        Assert.Equal("Draft", (string)plan["status"]!);

        var finding = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/analysis",
            new { kind = "Strength", area = "Geographic", statement = new { es = "Puerto mediterráneo" } }), HttpStatusCode.Created);
        var axis = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/axes",
            new { kind = "Geographic", name = new { es = "Mediterráneo" }, regions = new[] { "039" }, countries = new[] { "ma", "TN" }, analysisItemIds = new[] { (string)finding["id"]! } }), HttpStatusCode.Created);
        Assert.Equal(["MA", "TN"], axis["countries"]!.AsArray().Select(c => (string)c!));
        var o1 = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/objectives",
            new { family = "Exchange", statement = new { es = "Intercambiar con ciudades del Mediterráneo" }, axisIds = new[] { (string)axis["id"]! }, sdgTargets = new[] { "11.2", "17.17" } }), HttpStatusCode.Created);
        Assert.Equal("O1", (string)o1["code"]!);

        // Adopting needs the body and the act; the answer names the missing fields.
        var missing = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/status", new { to = "Adopted", adoptedOn = "2025-03-30", version = (long)plan["version"]! }), HttpStatusCode.BadRequest);
        Assert.True(missing["errors"]!.AsObject().ContainsKey("adoptedBy"));
        Assert.True(missing["errors"]!.AsObject().ContainsKey("adoptionAct"));
        Assert.Empty(await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{id}/versions") ?? []);

        var adopted = await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/status",
            new { to = "Adopted", adoptedOn = "2025-03-30", adoptedBy = "Pleno", adoptionAct = "Acuerdo 12/2025", version = (long)plan["version"]! }), HttpStatusCode.OK);
        Assert.Equal("Adopted", (string)adopted["status"]!);
        var versions = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{id}/versions"))!;
        Assert.Single(versions);
        Assert.Equal(1, (int)versions[0]!["number"]!);

        // An adopted plan cannot go back to consultation.
        var refused = await api.PostAsJsonAsync($"/api/v1/plans/{id}/status", new { to = "InConsultation", version = (long)adopted["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // After adoption: one objective reworded, one added, the axis dropped.
        var put = await api.PutAsJsonAsync($"/api/v1/plans/{id}/objectives/{o1["id"]}",
            new { code = "O1", family = "Exchange", statement = new { es = "Intercambiar con ciudades del Mediterráneo y del Sahel" }, sdgTargets = new[] { "11.2" }, version = (long)o1["version"]! });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await Json(await api.PostAsJsonAsync($"/api/v1/plans/{id}/objectives", new { family = "Advocacy", statement = new { es = "Incidencia en la agenda urbana" } }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/plans/{id}/axes/{axis["id"]}?version={(long)axis["version"]!}")).StatusCode);

        var changes = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{id}/compare?from=1&to=now"))!;
        string Kind(string section, string labelStart) =>
            (string)changes.Single(c => (string)c!["section"]! == section && ((string)c["label"]!).StartsWith(labelStart))!["kind"]!;
        Assert.Equal("Changed", Kind("objectives", "O1"));
        Assert.Equal("Added", Kind("objectives", "O2"));
        Assert.Equal("Dropped", Kind("axes", "Mediterráneo"));
        var o1Change = changes.Single(c => ((string)c!["label"]!).StartsWith("O1"))!;
        var fields = o1Change["fields"]!.AsArray().Select(f => (string)f!["field"]!).ToList();
        Assert.Contains("Statement", fields);
        Assert.Contains("SdgTargets", fields);
        Assert.Contains("Axes", fields);
        var statement = o1Change["fields"]!.AsArray().Single(f => (string)f!["field"]! == "Statement")!;
        Assert.Contains("Mediterráneo y del Sahel", (string)statement["after"]!);
        Assert.DoesNotContain("Sahel", (string)statement["before"]!);

        // The page shows the same comparison side by side.
        using var web = await app.SignInAsync(Coordinator);
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{id}/versions?from=1&to=now");
        Assert.Contains("Mediterráneo y del Sahel", html);
        Assert.Contains("1 altas, 1 modificaciones, 1 bajas.", html); // Ana reads Nodal in Spanish
    }

    [Fact]
    public async Task Figures_match_a_hand_computed_example()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var api = await app.ApiClientAsync(Coordinator);
        var planId = Guid.Parse((string)(await CreatePlanAsync(api, "Plan de cifras"))["id"]!);
        // Two thematic axes; O1 (axis A, SDG 11.2), O2 (axis B, SDG 13.2), O3 with no action.
        var ids = await app.WithDbAsync(async db =>
        {
            var dept = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            var a = new Axis { PlanId = planId, Kind = AxisKind.Thematic, Name = new LocalizedText("Eje A", null, null), Priority = 1 };
            var b = new Axis { PlanId = planId, Kind = AxisKind.Thematic, Name = new LocalizedText("Eje B", null, null), Priority = 2 };
            var o1 = new Objective { PlanId = planId, Code = "O1", Family = ObjectiveFamily.Projection, Statement = new("Uno", null, null), AxisIds = [a.Id], SdgTargets = ["11.2"] };
            var o2 = new Objective { PlanId = planId, Code = "O2", Family = ObjectiveFamily.Exchange, Statement = new("Dos", null, null), AxisIds = [b.Id], SdgTargets = ["13.2"] };
            var o3 = new Objective { PlanId = planId, Code = "O3", Family = ObjectiveFamily.Solidarity, Statement = new("Tres", null, null) };
            db.AddRange(a, b, o1, o2, o3);
            PolicyAction Act(string code, Objective? o, string lead, string country, ActionStatus status, DateOnly start, DateOnly? end, int year, decimal planned, params string[] sdg)
            {
                var x = new PolicyAction
                {
                    PlanId = planId, Code = code, Title = new(code, null, null), Origin = o is null ? ActionOrigin.Reactive : ActionOrigin.Planned, ObjectiveId = o?.Id,
                    RequestedBy = o is null ? "Embajada" : null, RequestedOn = o is null ? start : null, Modality = Modality.TechnicalExchange,
                    LeadDepartmentId = dept[lead], Countries = [country], Status = status, Start = start, End = end, SdgTargets = [.. sdg],
                };
                db.Add(x);
                db.Add(new ActionBudget { ActionId = x.Id, Year = year, Planned = planned, Currency = "EUR" });
                return x;
            }
            Act("F-1", o1, "MOB", "MX", ActionStatus.Done, new(2025, 2, 1), new(2025, 6, 30), 2025, 100, "11.2");
            var a2 = Act("F-2", o1, "AMB", "CO", ActionStatus.InProgress, new(2025, 3, 1), new(2025, 12, 31), 2025, 200);
            a2.InvolvedDepartmentIds = [dept["MOB"]];
            Act("F-3", null, "CUL", "JP", ActionStatus.InProgress, new(2025, 3, 1), null, 2025, 100, "4.7");
            Act("F-4", o2, "ECO", "MA", ActionStatus.Planned, new(2026, 1, 10), new(2030, 1, 1), 2026, 300);
            Act("F-5", o2, "TUR", "BR", ActionStatus.Cancelled, new(2026, 1, 10), null, 2026, 999, "1.1");
            await db.SaveChangesAsync();
            return (Departments: await db.Departments.CountAsync(), A: a.Id, O3: o3.Id);
        }, solmar);

        var f = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{planId}/figures"))!;
        Assert.Equal(5, (int)f["actions"]!);
        Assert.Equal(1, (int)f["cancelledActions"]!);
        // F-1, F-2, F-4 planned; F-3 reactive; F-5 cancelled and left out.
        Assert.Equal(3, (int)f["planned"]!["plannedActions"]!);
        Assert.Equal(1, (int)f["planned"]!["reactiveActions"]!);
        Assert.Equal(0.75, (double)f["planned"]!["actionShare"]!, 6);
        // Budget: planned 100 + 200 + 300 = 600, reactive 100 → 600 / 700.
        Assert.Equal(600m, (decimal)f["planned"]!["plannedBudget"]!);
        Assert.Equal(100m, (decimal)f["planned"]!["reactiveBudget"]!);
        Assert.Equal(600.0 / 700, (double)f["planned"]!["budgetShare"]!, 6);
        // Per year: 2025 → 2 planned, 1 reactive; 2026 → 1 planned.
        var years = f["plannedByYear"]!.AsArray();
        Assert.Equal([2025, 2026], years.Select(y => (int)y!["year"]!));
        Assert.Equal(2, (int)years[0]!["share"]!["plannedActions"]!);
        Assert.Equal(1, (int)years[0]!["share"]!["reactiveActions"]!);
        // Thematic: axis A 2 actions (F-1, F-2 through O1), axis B 1 (F-4); F-3 unclassified.
        // Shares 2/3 and 1/3 → HHI 4/9 + 1/9 = 5/9 ≈ 0.556 → focused.
        var thematic = f["thematicFocus"]!;
        Assert.Equal(5.0 / 9, (double)thematic["hhi"]!, 6);
        Assert.Equal("Focused", (string)thematic["reading"]!);
        Assert.Equal(1, (int)thematic["unclassified"]!);
        Assert.Equal("Eje A", (string)thematic["shares"]![0]!["label"]!);
        // Regions: MX, CO → 419 Latin America and the Caribbean; JP → 030; MA → 015: shares ½, ¼, ¼ → HHI 0.375.
        Assert.Equal(0.375, (double)f["regionFocus"]!["hhi"]!, 6);
        Assert.Equal("419", (string)f["regionFocus"]!["shares"]![0]!["key"]!);
        // Countries: four countries once each → HHI 0.25, exactly the "focused" threshold.
        Assert.Equal(0.25, (double)f["countryFocus"]!["hhi"]!, 6);
        // Transversality: MOB, AMB, CUL, ECO engaged (TUR leads only a cancelled action).
        Assert.Equal(4, (int)f["departmentsEngaged"]!);
        Assert.Equal(ids.Departments, (int)f["departmentsTotal"]!);
        var mob = f["departments"]!.AsArray().Single(d => (string)d!["code"]! == "MOB")!;
        Assert.Equal(1, (int)mob["leads"]!);
        Assert.Equal(1, (int)mob["involved"]!);
        // SDG: 11.2 (O1, F-1), 13.2 (O2), 4.7 (F-3); 1.1 only on the cancelled action.
        Assert.Equal(3, (int)f["sdgGoalsTouched"]!);
        Assert.Equal(3, (int)f["sdgTargetsTouched"]!);
        Assert.Equal([4, 11, 13], f["sdgGoals"]!.AsArray().Select(g => (int)g!["goal"]!));
        // O3 has no action; F-2 ended on 31 Dec 2025 and is still in progress.
        Assert.Equal(["O3"], f["objectivesWithoutAction"]!.AsArray().Select(o => (string)o!["code"]!));
        Assert.Equal(["F-2"], f["actionsPastDue"]!.AsArray().Select(a => (string)a!["code"]!));

        // The overview page shows the same figures, with charts and their data tables.
        using var web = await app.SignInAsync(Viewer);
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{planId}/overview");
        Assert.Contains("id=\"figure-planned-share\">75", html.Replace(" ", ""));
        Assert.Contains("<svg class=\"nodal-chart\" id=\"chart-planned\"", html);
        Assert.Contains("id=\"table-planned\"", html);
        Assert.Contains("id=\"figure-departments\">4 / " + ids.Departments, html);
        Assert.Contains($"/plans/{planId}/objectives/{ids.O3}", html);
    }

    [Fact]
    public async Task Only_coordinators_and_administrators_shape_the_strategy()
    {
        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/plans", new { title = new { es = "X" }, startYear = 2025, endYear = 2026 })).StatusCode);
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var plan = await CreatePlanAsync(coordinator, "Plan de permisos");
        using var focal = await app.ApiClientAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/v1/plans/{plan["id"]}/objectives", new { family = "Exchange", statement = new { es = "X" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/api/v1/plans/{plan["id"]}/figures")).StatusCode);
        using var web = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync($"/{Seeder.DemoSlug}/plans/new")).StatusCode);
    }

    [Fact]
    public async Task Another_organizations_plan_answers_404_on_every_route()
    {
        using var other = await app.ApiClientAsync(TestApp.AdminEmail, Seeder.SecondDemoSlug);
        var foreign = await CreatePlanAsync(other, "Plan de Costa Alta");
        var id = (string)foreign["id"]!;
        var objective = await Json(await other.PostAsJsonAsync($"/api/v1/plans/{id}/objectives", new { family = "Exchange", statement = new { es = "Objetivo ajeno" } }), HttpStatusCode.Created);
        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/plans/{id}", null),
            (HttpMethod.Put, $"/api/v1/plans/{id}", new { title = new { es = "HACK" }, startYear = 2025, endYear = 2026, version = 0 }),
            (HttpMethod.Delete, $"/api/v1/plans/{id}", null),
            (HttpMethod.Post, $"/api/v1/plans/{id}/status", new { to = "InConsultation", version = 0 }),
            (HttpMethod.Post, $"/api/v1/plans/{id}/current", null),
            (HttpMethod.Get, $"/api/v1/plans/{id}/figures", null),
            (HttpMethod.Get, $"/api/v1/plans/{id}/versions", null),
            (HttpMethod.Get, $"/api/v1/plans/{id}/compare?from=1", null),
            (HttpMethod.Get, $"/api/v1/plans/{id}/history", null),
            (HttpMethod.Get, $"/api/v1/plans/{id}/analysis", null),
            (HttpMethod.Post, $"/api/v1/plans/{id}/analysis", new { kind = "Strength", area = "Social", statement = new { es = "HACK" } }),
            (HttpMethod.Get, $"/api/v1/plans/{id}/axes", null),
            (HttpMethod.Post, $"/api/v1/plans/{id}/axes", new { kind = "Thematic", name = new { es = "HACK" } }),
            (HttpMethod.Get, $"/api/v1/plans/{id}/objectives", null),
            (HttpMethod.Post, $"/api/v1/plans/{id}/objectives", new { family = "Exchange", statement = new { es = "HACK" } }),
            (HttpMethod.Get, $"/api/v1/plans/{id}/objectives/{objective["id"]}", null),
            (HttpMethod.Put, $"/api/v1/plans/{id}/objectives/{objective["id"]}", new { family = "Exchange", statement = new { es = "HACK" }, version = 0 }),
            (HttpMethod.Delete, $"/api/v1/plans/{id}/objectives/{objective["id"]}", null),
            (HttpMethod.Post, $"/api/v1/trash/Plan/{id}/restore", null),
        };
        foreach (var (method, url, body) in routes)
        {
            var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}");
        }
        using var web = await app.SignInAsync(TestApp.AdminEmail);
        foreach (var page in new[] { $"/{Seeder.DemoSlug}/plans/{id}", $"/{Seeder.DemoSlug}/plans/{id}/overview", $"/{Seeder.DemoSlug}/plans/{id}/edit", $"/{Seeder.DemoSlug}/plans/{id}/versions", $"/{Seeder.DemoSlug}/plans/{id}/objectives/{objective["id"]}" })
            Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync(page)).StatusCode);
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        Assert.Equal(0, await app.WithDbAsync(db => db.Objectives.CountAsync(o => o.Statement.Es == "HACK"), costaAlta));
    }

    [Fact]
    public async Task The_plan_form_puts_errors_next_to_the_fields_and_saves_nothing()
    {
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var before = await app.WithDbAsync(db => db.Plans.CountAsync(), await app.OrgIdAsync(Seeder.DemoSlug));
        var response = await web.PostFormAsync($"/{Seeder.DemoSlug}/plans/new", new()
        {
            ["Input.Title.Es"] = "", ["Input.StartYear"] = "2027", ["Input.EndYear"] = "2024", ["Input.CityPlanUrl"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("id=\"Input_EndYear-error\"", html);
        Assert.Contains("El último año no puede ser anterior al primero.", html);
        Assert.Contains("id=\"Input_Title_Es-error\"", html);
        Assert.Contains("id=\"Input_CityPlanUrl-error\"", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Plans.CountAsync(), await app.OrgIdAsync(Seeder.DemoSlug)));

        var ok = await web.PostFormAsync($"/{Seeder.DemoSlug}/plans/new", new()
        {
            ["Input.Title.Es"] = "Estrategia por formulario", ["Input.StartYear"] = "2027", ["Input.EndYear"] = "2030",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await web.GetHtmlAsync(ok.Headers.Location!.ToString());
        Assert.Contains("Estrategia por formulario", page);
        Assert.Contains("Borrador", page);
    }
}

public sealed class PlanTestsOnSqlite(SqliteApp app) : PlanTests<SqliteApp>(app);
public sealed class PlanTestsOnPostgres(PostgresApp app) : PlanTests<PostgresApp>(app);
