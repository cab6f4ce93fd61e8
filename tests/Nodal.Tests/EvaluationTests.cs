using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Policy;
using Nodal.Core.Relations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Shared fixtures of the evaluation and good-practice tests: a plan of their own, demo people, helpers.</summary>
public static class EvaluationFixtures
{
    public const string Coordinator = "ana.coordinadora@solmar.example";
    public const string FocalPointMobility = "marta.movilidad@solmar.example";
    public const string Viewer = "concejal@solmar.example";

    public sealed record PlanFixture(Guid Plan, Guid Objective, Guid Action, Guid Project);

    /// <summary>A plan with one objective and one action, and a cooperation project, all new (the demo may hold others).</summary>
    public static async Task<PlanFixture> NewPlanAsync(TestApp app, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        var dept = await app.WithDbAsync(db => db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync(), orgId);
        return await app.WithDbAsync(async db =>
        {
            var tag = Code("");
            var plan = new StrategicPlan
            {
                OrganizationId = orgId, Title = new LocalizedText("Plan de evaluación " + tag, "Evaluation plan " + tag, null),
                StartYear = 2024, EndYear = 2030, Status = PlanStatus.Adopted,
            };
            var objective = new Objective
            {
                OrganizationId = orgId, PlanId = plan.Id, Code = "O" + tag, Family = ObjectiveFamily.Exchange,
                Statement = new LocalizedText("Intercambiar experiencias de movilidad", "Exchange mobility experience", null),
            };
            var action = new PolicyAction
            {
                OrganizationId = orgId, PlanId = plan.Id, Code = "A" + tag, Title = new LocalizedText("Red de bicicletas compartidas", "Shared bicycles network", null),
                Origin = ActionOrigin.Planned, ObjectiveId = objective.Id, Modality = Modality.TechnicalExchange, LeadDepartmentId = dept, Status = ActionStatus.InProgress,
            };
            var project = new CooperationProject { OrganizationId = orgId, Code = "P" + tag, Title = new LocalizedText("Agua para Tánger", "Water for Tangier", null) };
            db.Plans.Add(plan);
            db.Objectives.Add(objective);
            db.Actions.Add(action);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return new PlanFixture(plan.Id, objective.Id, action.Id, project.Id);
        }, orgId);
    }

    public static async Task<Guid> DeptAsync(TestApp app, string code, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(), orgId);
    }

    public static string Code(string prefix) => prefix + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

    public static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/evaluations", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/evaluations answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> AddRecommendationAsync(HttpClient api, string evaluationId, object body)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/evaluations/{evaluationId}/recommendations", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST recommendations answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Dictionary<string, object?> With(object body, params (string Key, object? Value)[] extra)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        var dict = json.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone());
        foreach (var (k, v) in extra) dict[k] = v;
        return dict;
    }
}

/// <summary>Evaluations and their recommendations: API, form, scope, follow-up, permissions, tenancy and concurrency, on each database.</summary>
public abstract class EvaluationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Body(Guid plan, string code, string title = "Evaluación de prueba", string kind = "Process", string scope = "Plan",
        Guid? objectiveId = null, Guid? actionId = null, Guid? projectId = null, string status = "InProgress", string evaluators = "Internal",
        string? start = "2025-03-01", string? end = "2025-11-30") => new
    {
        planId = plan, code, title = new { es = title }, kind, scope, objectiveId, actionId, projectId, status, evaluators, start, end,
    };

    [Fact]
    public async Task An_evaluation_created_through_the_api_reads_back_and_the_list_filters_and_counts_its_recommendations()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        var mob = await EvaluationFixtures.DeptAsync(app, "MOB");
        using var api = await app.ApiClientAsync(EvaluationFixtures.Coordinator);
        var tag = EvaluationFixtures.Code("EV");
        var created = await EvaluationFixtures.CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-a", title = new { es = "Evaluación de impacto del hermanamiento", fr = "Évaluation d'impact du jumelage" },
            kind = "Impact", scope = "Objective", objectiveId = p.Objective, actionId = p.Action, // the action is dropped: the scope is the objective
            status = "Completed", start = "2025-01-10", end = "2025-12-20", method = new { es = "Entrevistas y encuestas" },
            evaluators = "External", evaluatorNames = "Universidad de Solmar", findings = new { es = "El intercambio mejoró la movilidad." },
            reportUrl = "https://example.org/informe.pdf", isGoodPractice = false,
            themes = new[] { "Movilidad,  VIVIENDA", "movilidad", " Cooperación técnica " }, sdgTargets = new[] { "11.2", "17.17" },
        });
        var id = (string)created["id"]!;
        Assert.Equal((tag + "-A").ToUpperInvariant(), (string)created["code"]!);
        Assert.Null(created["actionId"]);
        Assert.Equal(["movilidad", "vivienda", "cooperación técnica"], created["themes"]!.AsArray().Select(t => (string)t!).ToArray());

        var auto = await EvaluationFixtures.CreateAsync(api, Body(p.Plan, null!, "Sin código", kind: "Systematization", scope: "Action", actionId: p.Action, status: "Planned", evaluators: "Mixed", start: "2026-02-01", end: null));
        Assert.Matches("^E-[0-9]{3,}$", (string)auto["code"]!);
        var third = await EvaluationFixtures.CreateAsync(api, Body(p.Plan, tag + "-C", "Proyecto de agua", scope: "Project", projectId: p.Project, start: "2024-05-01", end: "2024-06-01"));

        // Recommendations: one done, one overdue (due yesterday, still proposed), one rejected (not overdue even if late).
        var r1 = await EvaluationFixtures.AddRecommendationAsync(api, id, new { text = new { es = "Ampliar la red" }, ownerDepartmentId = mob, due = "2030-01-01" });
        var r2 = await EvaluationFixtures.AddRecommendationAsync(api, id, new { text = new { es = "Publicar los datos" }, due = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        var r3 = await EvaluationFixtures.AddRecommendationAsync(api, id, new { text = new { es = "Cambiar el nombre" }, due = "2020-01-01" });
        Assert.Equal("Proposed", (string)r1["status"]!);
        Assert.True((bool)r2["overdue"]!);
        await Move(api, id, await Move(api, id, r1, "Accepted"), "Done");
        await Move(api, id, r3, "Rejected", new { es = "No procede." });

        var read = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations/{id}"))!;
        Assert.Equal(3, read["recommendations"]!.AsArray().Count);
        Assert.Equal("Universidad de Solmar", (string)read["evaluatorNames"]!);
        Assert.Equal(["11.2", "17.17"], read["sdgTargets"]!.AsArray().Select(t => (string)t!).ToArray());

        async Task<string> Codes(string query)
        {
            var page = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations?plan={p.Plan}&pageSize=200&sort=code&{query}"))!;
            var items = page["items"]!.AsArray();
            Assert.Equal(items.Count, (int)page["total"]!);
            return string.Join(",", items.Select(i => (string)i!["code"]! == (string)auto["code"]! ? "AUTO" : ((string)i!["code"]!)[(tag.Length + 1)..]));
        }
        Assert.Equal(["A", "AUTO", "C"], (await Codes("")).Split(',').Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("A", await Codes("kind=Impact"));
        Assert.Equal("AUTO", await Codes("scope=Action"));
        Assert.Equal("C", await Codes("scope=Project"));
        Assert.Equal("A", await Codes("status=Completed"));
        Assert.Equal("A", await Codes("evaluators=External"));
        Assert.Equal("AUTO", await Codes("evaluators=Mixed"));
        Assert.Equal("A", await Codes("year=2025"));
        Assert.Equal("C", await Codes("year=2024"));
        Assert.Equal("AUTO", await Codes("year=2026"));
        Assert.Equal("A", await Codes("q=HERMANAMIENTO"));
        Assert.Equal("A", await Codes("q=jumelage"));
        Assert.Equal("C", await Codes($"q={tag}-c"));

        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations?plan={p.Plan}&kind=Impact"))!;
        var row = list["items"]![0]!;
        Assert.Equal(1, (int)row["recommendationsDone"]!);
        Assert.Equal(3, (int)row["recommendationsTotal"]!);
        Assert.Equal(1, (int)row["recommendationsOverdue"]!);
        Assert.StartsWith("O", (string)row["scopeLabel"]!);
        Assert.Equal($"/solmar/plans/{p.Plan}/objectives/{p.Objective}", (string)row["scopeUrl"]!);
        var byTitle = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations?plan={p.Plan}&sort=title&dir=desc&pageSize=1&page=2"))!;
        Assert.Equal(3, (int)byTitle["total"]!);
        Assert.Equal("Proyecto de agua", (string)byTitle["items"]![0]!["title"]!); // Sin código, Proyecto…, Evaluación… (es: no English title)

        // The list page shows the counts and the overdue in words, and links the record evaluated.
        using var web = await app.SignInAsync(EvaluationFixtures.Viewer, language: "en");
        var html = await web.GetHtmlAsync($"/solmar/evaluations?plan={p.Plan}&culture=en");
        Assert.Contains("3 evaluations", html);
        Assert.Contains("1 of 3", html);
        Assert.Contains("1 overdue", html);
        Assert.Contains($"/solmar/projects/{p.Project}", html);
        Assert.DoesNotContain("/solmar/evaluations/new", html); // a viewer adds nothing
        var details = await web.GetHtmlAsync($"/solmar/evaluations/{id}?culture=en");
        Assert.Contains("Overdue", details);
        Assert.Contains("No procede.", details);
        Assert.Contains("Universidad de Solmar", details);
        Assert.Contains($"Done on {Today.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"))}", details);
        Assert.Contains(EvaluationFixtures.Coordinator, details); // the History panel
        Assert.DoesNotContain("handler=Delete", details);
        Assert.DoesNotContain("/follow-up", details);
    }

    private static async Task<JsonObject> Move(HttpClient api, string evaluationId, JsonObject rec, string status, object? response = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var answer = await api.PostAsJsonAsync($"/api/v1/evaluations/{evaluationId}/recommendations/{rec["id"]}/status",
            new { status, response, version = (long)rec["version"]! });
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == expected, $"moving to {status} answered {(int)answer.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task The_scope_must_name_a_record_of_the_evaluations_plan_and_every_field_is_checked()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        var other = await EvaluationFixtures.NewPlanAsync(app);
        using var api = await app.ApiClientAsync(EvaluationFixtures.Coordinator, language: "es");
        async Task<JsonObject> Errors(object body)
        {
            var response = await api.PostAsJsonAsync("/api/v1/evaluations", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!["errors"]!.AsObject();
        }

        var foreignObjective = await Errors(Body(p.Plan, EvaluationFixtures.Code("X"), scope: "Objective", objectiveId: other.Objective));
        Assert.Equal("Este objetivo no está en el plan de la evaluación.", (string)foreignObjective["objectiveId"]![0]!);
        var foreignAction = await Errors(Body(p.Plan, EvaluationFixtures.Code("X"), scope: "Action", actionId: other.Action));
        Assert.True(foreignAction.ContainsKey("actionId"));
        Assert.True((await Errors(Body(p.Plan, EvaluationFixtures.Code("X"), scope: "Project", projectId: Guid.NewGuid()))).ContainsKey("projectId"));
        Assert.True((await Errors(Body(p.Plan, EvaluationFixtures.Code("X"), scope: "Objective"))).ContainsKey("objectiveId"));

        var many = await Errors(new
        {
            planId = p.Plan, title = new { en = "Only English" }, kind = "Impact", scope = "Plan", status = "Planned", evaluators = "Internal",
            start = "2026-05-01", end = "2026-04-01", reportUrl = "ftp://example.org/x", isGoodPractice = true, sdgTargets = new[] { "18.1" },
            themes = new[] { new string('x', 61) },
        });
        foreach (var field in new[] { "title.es", "end", "reportUrl", "practiceSummary.es", "sdgTargets[0]", "themes[0]" })
            Assert.True(many.ContainsKey(field), $"no error for {field}: {string.Join(", ", many.Select(e => e.Key))}");
        Assert.Equal("El fin no puede ser anterior al inicio.", (string)many["end"]![0]!);

        // The form says it next to the field, in Spanish.
        using var web = await app.SignInAsync(EvaluationFixtures.Coordinator, language: "es");
        var posted = await web.PostFormAsync("/solmar/evaluations/new", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = EvaluationFixtures.Code("F"), ["Input.Title.Es"] = "Con objetivo ajeno",
            ["Input.Kind"] = "Process", ["Input.Scope"] = "Objective", ["Input.ObjectiveId"] = other.Objective.ToString(),
            ["Input.Status"] = "Planned", ["Input.Evaluators"] = "Internal", ["Input.Start"] = "2026-05-01", ["Input.End"] = "2026-04-01",
            ["Input.ReportUrl"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_ObjectiveId-error\"", html);
        Assert.Contains("Este objetivo no está en el plan de la evaluación.", html);
        Assert.Contains("id=\"Input_End-error\"", html);
        Assert.Contains("El fin no puede ser anterior al inicio.", html);
        Assert.Contains("id=\"Input_ReportUrl-error\"", html);
        Assert.Contains("value=\"Con objetivo ajeno\"", html);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        Assert.False(await app.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.PlanId == p.Plan), solmar));
    }

    [Fact]
    public async Task The_form_adds_and_changes_an_evaluation_and_a_stale_form_is_refused()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        using var web = await app.SignInAsync(EvaluationFixtures.Coordinator, language: "en");
        var form = await web.GetHtmlAsync("/solmar/evaluations/new?culture=en");
        Assert.Matches("name=\"Input.Code\" type=\"text\" value=\"E-[0-9]{3,}\"", form); // the next code is suggested
        var code = EvaluationFixtures.Code("W");
        var saved = await web.PostFormAsync("/solmar/evaluations/new", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code, ["Input.Title.Es"] = "Sistematización del bus nocturno", ["Input.Title.Fr"] = "Bus de nuit",
            ["Input.Kind"] = "Systematization", ["Input.Scope"] = "Action", ["Input.ActionId"] = p.Action.ToString(), ["Input.ObjectiveId"] = p.Objective.ToString(),
            ["Input.Status"] = "Completed", ["Input.Start"] = "2025-02-01", ["Input.End"] = "2025-06-30", ["Input.Evaluators"] = "Mixed",
            ["Input.EvaluatorNames"] = "Equipo ORI y consultora", ["Input.Method.Es"] = "Talleres", ["Input.Findings.Es"] = "Funciona de noche.",
            ["Input.ReportUrl"] = "http://example.org/bus", ["Input.IsGoodPractice"] = "true", ["Input.PracticeSummary.Es"] = "Un bus nocturno compartido.",
            ["Input.Themes"] = "Movilidad nocturna\nSeguridad, movilidad NOCTURNA", ["Input.SdgTargets"] = "11.2",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var e = await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(x => x.Code == code), solmar);
        Assert.EndsWith($"/solmar/evaluations/{e.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(EvaluationScope.Action, e.Scope);
        Assert.Equal(p.Action, e.ActionId);
        Assert.Null(e.ObjectiveId); // only the record of the scope chosen is kept
        Assert.True(e.IsGoodPractice);
        Assert.Equal(["movilidad nocturna", "seguridad"], e.Themes);
        Assert.Equal(["11.2"], e.SdgTargets);
        Assert.Equal(EvaluatorKind.Mixed, e.Evaluators);

        var details = await web.GetHtmlAsync($"/solmar/evaluations/{e.Id}?culture=en");
        Assert.Contains("Sistematización del bus nocturno", details);
        Assert.Contains($"/solmar/actions/{p.Action}", details);
        Assert.Contains("Un bus nocturno compartido.", details);

        var edit = await web.GetHtmlAsync($"/solmar/evaluations/{e.Id}/edit?culture=en");
        Assert.Contains("movilidad nocturna, seguridad", edit);
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = e.Version.ToString(), ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code, ["Input.Title.Es"] = "Bus nocturno (revisada)",
            ["Input.Kind"] = "Systematization", ["Input.Scope"] = "Plan", ["Input.Status"] = "Completed", ["Input.Evaluators"] = "Internal",
            ["Input.IsGoodPractice"] = "false",
        };
        var changed = await web.PostFormAsync($"/solmar/evaluations/{e.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(x => x.Id == e.Id), solmar);
        Assert.Equal("Bus nocturno (revisada)", after.Title.Es);
        Assert.Null(after.ActionId);
        Assert.False(after.IsGoodPractice);

        fields["Input.Title.Es"] = "Tarde";
        var stale = await web.PostFormAsync($"/solmar/evaluations/{e.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", staleHtml);
        Assert.Contains("Bus nocturno (revisada)", staleHtml);
        Assert.Equal("Bus nocturno (revisada)", (await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(x => x.Id == e.Id), solmar)).Title.Es);

        // Deleting moves it to the Trash.
        var deleted = await web.PostFormAsync($"/solmar/evaluations/{e.Id}?handler=Delete", new() { ["version"] = after.Version.ToString() }, formPage: $"/solmar/evaluations/{e.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar/evaluations/{e.Id}")).StatusCode);
        Assert.NotNull((await app.WithDbAsync(db => db.Evaluations.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == e.Id), solmar)).DeletedAt);
    }

    [Fact]
    public async Task Recommendations_move_only_along_their_follow_up_and_rejecting_needs_a_response()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        using var api = await app.ApiClientAsync(EvaluationFixtures.Coordinator, language: "en");
        var e = await EvaluationFixtures.CreateAsync(api, Body(p.Plan, EvaluationFixtures.Code("R")));
        var id = (string)e["id"]!;
        var rec = await EvaluationFixtures.AddRecommendationAsync(api, id, new { text = new { es = "Crear un observatorio" }, due = "2020-01-01" });
        Assert.True((bool)rec["overdue"]!);

        // Proposed → Done skips acceptance: refused on status.
        var illegal = await api.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{rec["id"]}/status", new { status = "Done", version = (long)rec["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        var illegalErrors = (await illegal.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("A recommendation cannot move from “Proposed” to “Done”.", (string)illegalErrors["status"]![0]!);

        // Rejecting without a response is refused; with one it is not accepted, and no longer overdue.
        var bare = await api.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{rec["id"]}/status", new { status = "Rejected", version = (long)rec["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await bare.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("response.es"));
        var rejected = await Move(api, id, rec, "Rejected", new { fr = "Hors de nos compétences." });
        Assert.Equal("Rejected", (string)rejected["status"]!);
        Assert.False((bool)rejected["overdue"]!);
        Assert.Equal("Hors de nos compétences.", (string)rejected["response"]!["fr"]!);
        await Move(api, id, rejected, "InProgress", expected: HttpStatusCode.BadRequest);

        // Accepted → in progress → done: done sets the day; reopening clears it.
        var rec2 = await EvaluationFixtures.AddRecommendationAsync(api, id, new { text = new { es = "Formar a los técnicos" } });
        var accepted = await Move(api, id, rec2, "Accepted", new { es = "Se hará en 2026." });
        var running = await Move(api, id, accepted, "InProgress");
        Assert.Equal("Se hará en 2026.", (string)running["response"]!["es"]!); // an empty response keeps the stored one
        Assert.Null(running["doneOn"]);
        var done = await Move(api, id, running, "Done");
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string)done["doneOn"]!);
        var reopened = await Move(api, id, done, "InProgress");
        Assert.Null(reopened["doneOn"]);
        var future = await api.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{rec2["id"]}/status",
            new { status = "Done", doneOn = Today.AddDays(3).ToString("yyyy-MM-dd"), version = (long)reopened["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        // A stale version answers 409 with the current values.
        var stale = await api.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{rec2["id"]}/status", new { status = "Done", version = (long)done["version"]! });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("InProgress", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["status"]!);

        // The follow-up page does the same, with the error next to the field.
        using var web = await app.SignInAsync(EvaluationFixtures.Coordinator, language: "en");
        var rec3 = await EvaluationFixtures.AddRecommendationAsync(api, id, new { text = new { es = "Abrir los datos" } });
        var page = await web.GetHtmlAsync($"/solmar/evaluations/{id}/recommendations/{rec3["id"]}/follow-up?culture=en");
        Assert.DoesNotContain("value=\"Done\"", page); // only the moves allowed are offered
        var refused = await web.PostFormAsync($"/solmar/evaluations/{id}/recommendations/{rec3["id"]}/follow-up?culture=en",
            new() { ["Input.Status"] = "Rejected", ["Input.Version"] = ((long)rec3["version"]!).ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Response_Es-error\"", refusedHtml);
        var moved = await web.PostFormAsync($"/solmar/evaluations/{id}/recommendations/{rec3["id"]}/follow-up",
            new() { ["Input.Status"] = "Accepted", ["Input.Response.Es"] = "De acuerdo", ["Input.Version"] = ((long)rec3["version"]!).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var stored = await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse((string)rec3["id"]!)), solmar);
        Assert.Equal(RecommendationStatus.Accepted, stored.Status);
        Assert.Equal("De acuerdo", stored.Response.Es);

        // Changing and removing a recommendation.
        var put = await api.PutAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{rec3["id"]}", new { text = new { es = "Abrir todos los datos" }, due = "2027-01-01", version = stored.Version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var putStale = await api.PutAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{rec3["id"]}", new { text = new { es = "Otra" }, version = stored.Version });
        Assert.Equal(HttpStatusCode.Conflict, putStale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/evaluations/{id}/recommendations/{rec3["id"]}")).StatusCode);
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations/{id}"))!["recommendations"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_focal_point_follows_up_only_their_departments_recommendations_and_edits_no_evaluation()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        var (mob, cul) = (await EvaluationFixtures.DeptAsync(app, "MOB"), await EvaluationFixtures.DeptAsync(app, "CUL"));
        using var coordinator = await app.ApiClientAsync(EvaluationFixtures.Coordinator);
        var e = await EvaluationFixtures.CreateAsync(coordinator, Body(p.Plan, EvaluationFixtures.Code("FP")));
        var id = (string)e["id"]!;
        var own = await EvaluationFixtures.AddRecommendationAsync(coordinator, id, new { text = new { es = "Carriles bici" }, ownerDepartmentId = mob });
        var others = await EvaluationFixtures.AddRecommendationAsync(coordinator, id, new { text = new { es = "Festival" }, ownerDepartmentId = cul });

        using var focal = await app.ApiClientAsync(EvaluationFixtures.FocalPointMobility);
        var moved = await Move(focal, id, own, "Accepted", new { es = "Lo haremos en 2026." });
        Assert.Equal("Accepted", (string)moved["status"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{others["id"]}/status", new { status = "Accepted", version = (long)others["version"]! })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/evaluations/{id}", EvaluationFixtures.With(Body(p.Plan, (string)e["code"]!, "Cambiada"), ("version", (long)e["version"]!)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations", new { text = new { es = "Otra" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{own["id"]}", new { text = new { es = "Cambiada" }, version = (long)moved["version"]! })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync($"/api/v1/evaluations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/evaluations", Body(p.Plan, EvaluationFixtures.Code("X")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/api/v1/evaluations/{id}")).StatusCode); // reading is fine
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        Assert.Equal(RecommendationStatus.Proposed, (await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse((string)others["id"]!)), solmar)).Status);

        using var viewer = await app.ApiClientAsync(EvaluationFixtures.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/evaluations/{id}/recommendations/{own["id"]}/status", new { status = "InProgress", version = (long)moved["version"]! })).StatusCode);

        // The pages apply the same rule.
        using var web = await app.SignInAsync(EvaluationFixtures.FocalPointMobility, language: "en");
        var details = await web.GetHtmlAsync($"/solmar/evaluations/{id}?culture=en");
        Assert.Contains($"/solmar/evaluations/{id}/recommendations/{own["id"]}/follow-up", details);
        Assert.DoesNotContain($"/solmar/evaluations/{id}/recommendations/{others["id"]}/follow-up", details);
        Assert.DoesNotContain($"/solmar/evaluations/{id}/edit", details);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync($"/solmar/evaluations/{id}/recommendations/{own["id"]}/follow-up")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync($"/solmar/evaluations/{id}/recommendations/{others["id"]}/follow-up")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync($"/solmar/evaluations/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync("/solmar/evaluations/new")).StatusCode);
        var formPage = $"/solmar/evaluations/{id}/recommendations/{own["id"]}/follow-up";
        var sneaky = await web.PostFormAsync($"/solmar/evaluations/{id}/recommendations/{others["id"]}/follow-up",
            new() { ["Input.Status"] = "Accepted", ["Input.Version"] = ((long)others["version"]!).ToString() }, formPage: formPage);
        Assert.Equal(HttpStatusCode.Forbidden, sneaky.StatusCode);
        var sneakyEdit = await web.PostFormAsync($"/solmar/evaluations/{id}/edit", new() { ["Input.Title.Es"] = "Hackeada", ["Input.Version"] = "1" }, formPage: formPage);
        Assert.Equal(HttpStatusCode.Forbidden, sneakyEdit.StatusCode);
        var ownPost = await web.PostFormAsync(formPage, new() { ["Input.Status"] = "InProgress", ["Input.Version"] = ((long)moved["version"]!).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ownPost.StatusCode);
        Assert.Equal(RecommendationStatus.InProgress, (await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse((string)own["id"]!)), solmar)).Status);
    }

    [Fact]
    public async Task Every_route_answers_404_for_an_evaluation_of_another_organization()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var p = await EvaluationFixtures.NewPlanAsync(app, Seeder.SecondDemoSlug);
        var (foreign, rec) = await app.WithDbAsync(async db =>
        {
            var e = new Evaluation
            {
                OrganizationId = costaAlta, PlanId = p.Plan, Code = EvaluationFixtures.Code("CA"), Title = new LocalizedText("Evaluación de Costa Alta", null, null),
                Kind = EvaluationKind.Impact, IsGoodPractice = true, PracticeSummary = new LocalizedText("Práctica de Costa Alta", null, null),
            };
            var r = new Recommendation { OrganizationId = costaAlta, EvaluationId = e.Id, Text = new LocalizedText("Recomendación ajena", null, null) };
            db.Evaluations.Add(e);
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return (e, r);
        }, costaAlta);

        using var api = await app.ApiClientAsync(TestApp.AdminEmail); // member of both organizations, token for Solmar
        var body = new { planId = p.Plan, title = new { es = "X" }, kind = "Impact", scope = "Plan", status = "Planned", evaluators = "Internal", version = 1 };
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/evaluations/{id}", null),
            (HttpMethod.Put, "/api/v1/evaluations/{id}", body),
            (HttpMethod.Delete, "/api/v1/evaluations/{id}", null),
            (HttpMethod.Get, "/api/v1/evaluations/{id}/history", null),
            (HttpMethod.Post, "/api/v1/evaluations/{id}/recommendations", new { text = new { es = "X" } }),
            (HttpMethod.Put, "/api/v1/evaluations/{id}/recommendations/{rid}", new { text = new { es = "X" }, version = 1 }),
            (HttpMethod.Delete, "/api/v1/evaluations/{id}/recommendations/{rid}", null),
            (HttpMethod.Post, "/api/v1/evaluations/{id}/recommendations/{rid}/status", new { status = "Accepted", version = 1 }),
            (HttpMethod.Post, "/api/v1/trash/Evaluation/{id}/restore", null),
        };
        foreach (var (method, url, content) in routes)
        {
            var request = new HttpRequestMessage(method, url.Replace("{id}", foreign.Id.ToString()).Replace("{rid}", rec.Id.ToString())) { Content = content is null ? null : JsonContent.Create(content) };
            var response = await api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri} answered {(int)response.StatusCode}");
        }
        Assert.Equal(0, (int)(await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations?plan={p.Plan}"))!["total"]!);
        var library = (await api.GetFromJsonAsync<JsonObject>("/api/v1/good-practices?q=costa%20alta&pageSize=200"))!;
        Assert.DoesNotContain(library["items"]!.AsArray(), i => (string)i!["id"]! == foreign.Id.ToString());

        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        foreach (var url in new[] { $"/solmar/evaluations/{foreign.Id}", $"/solmar/evaluations/{foreign.Id}/edit", $"/solmar/evaluations/{foreign.Id}/recommendations/new",
                     $"/solmar/evaluations/{foreign.Id}/recommendations/{rec.Id}/edit", $"/solmar/evaluations/{foreign.Id}/recommendations/{rec.Id}/follow-up" })
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        var post = await admin.PostFormAsync($"/solmar/evaluations/{foreign.Id}?handler=Delete", new() { ["version"] = "1" }, formPage: "/solmar/evaluations/new");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var follow = await admin.PostFormAsync($"/solmar/evaluations/{foreign.Id}/recommendations/{rec.Id}/follow-up", new() { ["Input.Status"] = "Accepted", ["Input.Version"] = "1" }, formPage: "/solmar/evaluations/new");
        Assert.Equal(HttpStatusCode.NotFound, follow.StatusCode);
        var still = await app.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == rec.Id), costaAlta);
        Assert.Equal(RecommendationStatus.Proposed, still.Status);
        Assert.Null((await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(x => x.Id == foreign.Id), costaAlta)).DeletedAt);
    }

    [Fact]
    public async Task A_stale_version_answers_409_with_the_current_values_and_changes_nothing()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        using var api = await app.ApiClientAsync(EvaluationFixtures.Coordinator);
        var code = EvaluationFixtures.Code("S");
        var created = await EvaluationFixtures.CreateAsync(api, Body(p.Plan, code, "Original"));
        var id = (string)created["id"]!;
        var version = (long)created["version"]!;
        var first = await api.PutAsJsonAsync($"/api/v1/evaluations/{id}", EvaluationFixtures.With(Body(p.Plan, code, "Primera"), ("version", version)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/evaluations/{id}", EvaluationFixtures.With(Body(p.Plan, code, "Segunda"), ("version", version)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Primera", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["title"]!["es"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/evaluations/{id}?version={version}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync($"/api/v1/evaluations/{id}", Body(p.Plan, code, "Sin versión"))).StatusCode);
        var now = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/evaluations/{id}"))!;
        Assert.Equal("Primera", (string)now["title"]!["es"]!);

        // Another evaluation cannot take its code.
        var clash = await api.PostAsJsonAsync("/api/v1/evaluations", Body(p.Plan, code.ToLowerInvariant(), "Copia"));
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.True((await clash.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("code"));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/evaluations/{id}?version={(long)now["version"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/evaluations/{id}")).StatusCode);
        Assert.Contains((await api.GetFromJsonAsync<JsonObject>("/api/v1/trash?kind=Evaluation"))!["items"]!.AsArray(), i => (string)i!["id"]! == id);
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/evaluations/{id}/history"))!;
        Assert.Equal(["Deleted", "Updated", "Created"], history.Select(h => (string)h!["action"]!).ToArray());
    }
}

public sealed class EvaluationTestsOnSqlite(SqliteApp app) : EvaluationTests<SqliteApp>(app);
public sealed class EvaluationTestsOnPostgres(PostgresApp app) : EvaluationTests<PostgresApp>(app);
