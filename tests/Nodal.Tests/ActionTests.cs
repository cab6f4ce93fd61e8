using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Actions: the API, the list's filters and search, permissions, attaching, concurrency and the form, on each database.</summary>
public abstract class ActionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private sealed record PlanFixture(Guid Plan, Guid MobilityAxis, Guid MediterraneanAxis, Guid ProjectionObjective, Guid SolidarityObjective);

    /// <summary>A plan of its own for each test (the demo data may hold others): two axes, two objectives in two families.</summary>
    private async Task<PlanFixture> NewPlanAsync(string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(async db =>
        {
            var plan = new StrategicPlan
            {
                OrganizationId = orgId, Title = new LocalizedText("Plan de prueba", "Test plan", "Plan d'essai"),
                StartYear = 2024, EndYear = 2030, Status = PlanStatus.Adopted,
            };
            var mobility = new Axis { OrganizationId = orgId, PlanId = plan.Id, Kind = AxisKind.Thematic, Priority = 1, Name = new LocalizedText("Movilidad sostenible", "Sustainable mobility", "Mobilité durable") };
            var mediterranean = new Axis { OrganizationId = orgId, PlanId = plan.Id, Kind = AxisKind.Geographic, Priority = 2, Name = new LocalizedText("Mediterráneo", "Mediterranean", "Méditerranée"), Countries = ["FR", "IT"] };
            var projection = new Objective
            {
                OrganizationId = orgId, PlanId = plan.Id, Code = "O1", Family = ObjectiveFamily.Projection, AxisIds = [mobility.Id],
                Statement = new LocalizedText("Proyectar la movilidad de Solmar", "Project Solmar's mobility", "Projeter la mobilité de Solmar"),
            };
            var solidarity = new Objective
            {
                OrganizationId = orgId, PlanId = plan.Id, Code = "O2", Family = ObjectiveFamily.Solidarity,
                Statement = new LocalizedText("Cooperar con ciudades del Sur", "Cooperate with cities of the South", "Coopérer avec des villes du Sud"),
            };
            db.Plans.Add(plan);
            db.Axes.AddRange(mobility, mediterranean);
            db.Objectives.AddRange(projection, solidarity);
            await db.SaveChangesAsync();
            return new PlanFixture(plan.Id, mobility.Id, mediterranean.Id, projection.Id, solidarity.Id);
        }, orgId);
    }

    private async Task<Guid> DeptAsync(string code, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(), orgId);
    }

    private static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/actions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/actions answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static object Planned(PlanFixture p, Guid objective, Guid lead, string? code = null, string title = "Acción planificada", object[]? budgets = null) => new
    {
        planId = p.Plan, code, title = new { es = title }, origin = "Planned", objectiveId = objective,
        modality = "Twinning", leadDepartmentId = lead, status = "Planned", budgets = budgets ?? [],
    };

    private static object Reactive(PlanFixture p, Guid lead, string? code = null, string title = "Acción reactiva") => new
    {
        planId = p.Plan, code, title = new { es = title }, origin = "Reactive", requestedBy = "Embajada de Francia", requestedOn = "2026-02-10",
        modality = "MissionOrVisit", leadDepartmentId = lead, status = "Idea",
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_action_created_through_the_api_reads_back_with_its_milestones_and_budget()
    {
        var p = await NewPlanAsync();
        var (mob, cul) = (await DeptAsync("MOB"), await DeptAsync("CUL"));
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, new
        {
            planId = p.Plan,
            title = new { es = "Hermanamiento con Marsella", en = "Twinning with Marseille" },
            description = new { es = "Acuerdo de hermanamiento con intercambio técnico." },
            origin = "Planned", objectiveId = p.ProjectionObjective, modality = "Twinning",
            leadDepartmentId = mob, involvedDepartmentIds = new[] { cul, mob }, axisIds = new[] { p.MediterraneanAxis },
            partners = new[] { "Ville de Marseille", " " }, countries = new[] { "fr" }, cities = new[] { "Marsella" },
            start = "2026-01-15", end = "2027-06-30", status = "InProgress",
            beneficiaries = new { es = "Técnicos municipales" }, beneficiaryCount = 40, sdgTargets = new[] { "11.2", "17.17" },
            milestones = new[] { new { title = "Firma del acuerdo", due = "2026-03-01", doneOn = "2026-02-27" } },
            budgets = new object[] { new { year = 2026, planned = 12000.50m, spent = 3000m }, new { year = 2026, planned = 500m, spent = 0m, currency = "USD" } },
        });
        var id = (string)created["id"]!;
        Assert.Matches("^A-[0-9]{3,}$", (string)created["code"]!);

        var response = await api.GetAsync($"/api/v1/actions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var a = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"\"{(long)a["version"]!}\"", response.Headers.ETag!.Tag);
        Assert.Equal("Twinning with Marseille", (string)a["title"]!["en"]!);
        Assert.True((bool)a["planned"]!);
        Assert.Equal("Planned", (string)a["origin"]!);
        Assert.Equal([cul.ToString()], a["involvedDepartmentIds"]!.AsArray().Select(x => (string)x!).ToArray()); // the lead is not "involved"
        Assert.Equal(["FR"], a["countries"]!.AsArray().Select(x => (string)x!).ToArray());
        Assert.Equal(["Ville de Marseille"], a["partners"]!.AsArray().Select(x => (string)x!).ToArray());
        Assert.Equal("2026-02-27", (string)a["milestones"]![0]!["doneOn"]!);
        var budgets = a["budgets"]!.AsArray();
        Assert.Equal(2, budgets.Count);
        Assert.Contains(budgets, b => (string)b!["currency"]! == "EUR" && (decimal)b["planned"]! == 12000.50m);

        // The list adds up the planned budget in the organization's currency only.
        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions?plan={p.Plan}"))!;
        var row = list["items"]!.AsArray().Single(r => (string)r!["id"]! == id)!;
        Assert.Equal(12000.50m, (decimal)row["plannedBudget"]!);
        Assert.True((bool)row["otherCurrencies"]!);
        Assert.Equal("MOB", (string)row["leadDepartmentCode"]!);
        Assert.Equal("Twinning with Marseille", (string)row["title"]!); // the caller's language (English by default)
    }

    [Fact]
    public async Task An_invalid_action_answers_400_naming_the_fields_and_saves_nothing()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var before = await app.WithDbAsync(db => db.Actions.IgnoreQueryFilters().CountAsync());
        var response = await api.PostAsJsonAsync("/api/v1/actions", new
        {
            planId = p.Plan, title = new { en = "Only English" }, origin = "Planned", modality = "Twinning", leadDepartmentId = mob, status = "Planned",
            countries = new[] { "XX" }, sdgTargets = new[] { "18.1" },
            milestones = new[] { new { title = "", due = "2026-01-01" } },
            budgets = new[] { new { year = 1800, planned = -1m, spent = 0m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        foreach (var field in new[] { "title.es", "objectiveId", "countries[0]", "sdgTargets[0]", "milestones[0].title", "budgets[0].year", "budgets[0].planned" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {string.Join(", ", errors.Select(e => e.Key))}");
        Assert.Equal(before, await app.WithDbAsync(db => db.Actions.IgnoreQueryFilters().CountAsync()));

        var wrongType = await api.PostAsync("/api/v1/actions", new StringContent("""{"modality":"Juggling"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("modality"));
    }

    [Fact]
    public async Task The_list_filters_by_every_criterion_and_searches_the_text()
    {
        var p = await NewPlanAsync();
        var (mob, cul, amb) = (await DeptAsync("MOB"), await DeptAsync("CUL"), await DeptAsync("AMB"));
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = NewCode("F");
        // A: planned under O1 (projection, mobility axis), running 2025–2026, in France and Mexico.
        await CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-A", title = new { es = "Red de movilidad", fr = "Réseau de mobilité" }, origin = "Planned", objectiveId = p.ProjectionObjective,
            modality = "Twinning", leadDepartmentId = mob, involvedDepartmentIds = new[] { cul }, status = "InProgress",
            start = "2025-03-01", end = "2026-02-01", countries = new[] { "FR", "MX" }, sdgTargets = new[] { "11.2", "13.1" },
            partners = new[] { "Secretaría de Movilidad de Ciudad de México" },
        });
        // B: reactive, no start, requested in 2024, in Mexico; described in Spanish.
        await CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-B", title = new { es = "Visita de la alcaldesa" }, description = new { es = "Recepción de una delegación PORTUARIA" },
            origin = "Reactive", requestedByDepartmentId = amb, requestedOn = "2024-05-05", modality = "MissionOrVisit", leadDepartmentId = cul, status = "Done",
            countries = new[] { "mx" }, sdgTargets = new[] { "11.a" },
        });
        // C: planned under O2 (solidarity), starts 2030, budgeted in 2027, in Senegal, on the Mediterranean axis directly.
        await CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-C", title = new { es = "Cooperación con Dakar" }, origin = "Planned", objectiveId = p.SolidarityObjective,
            modality = "DirectCooperation", leadDepartmentId = amb, axisIds = new[] { p.MediterraneanAxis }, status = "Idea",
            start = "2030-01-01", countries = new[] { "SN" }, cities = new[] { "Dakar" }, sdgTargets = new[] { "1.1" },
            budgets = new[] { new { year = 2027, planned = 1000m, spent = 0m } },
        });
        // D: reactive, on the mobility axis directly.
        await CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-D", title = new { es = "Petición de la red C40" }, origin = "Reactive", requestedBy = "C40", requestedOn = "2026-01-20",
            modality = "CityNetworks", leadDepartmentId = mob, axisIds = new[] { p.MobilityAxis }, status = "Planned",
        });

        async Task<string> Codes(string query)
        {
            var page = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions?plan={p.Plan}&pageSize=200&sort=code&{query}"))!;
            var codes = page["items"]!.AsArray().Select(i => ((string)i!["code"]!).Replace(tag + "-", "")).ToArray();
            Assert.Equal(codes.Length, (int)page["total"]!);
            return string.Join(",", codes);
        }

        Assert.Equal("A,B,C,D", await Codes(""));
        Assert.Equal("A,D", await Codes($"axis={p.MobilityAxis}")); // A through its objective, D directly
        Assert.Equal("C", await Codes($"axis={p.MediterraneanAxis}"));
        Assert.Equal("C", await Codes("family=Solidarity"));
        Assert.Equal("A", await Codes("family=Projection"));
        Assert.Equal("B", await Codes("modality=MissionOrVisit"));
        Assert.Equal("A,B", await Codes($"department={cul}")); // A involves it, B is led by it
        Assert.Equal("A,D", await Codes($"department={mob}"));
        Assert.Equal("A", await Codes("status=InProgress"));
        Assert.Equal("A,C", await Codes("origin=planned"));
        Assert.Equal("B,D", await Codes("origin=reactive"));
        Assert.Equal("A", await Codes("year=2025"));
        Assert.Equal("A,D", await Codes("year=2026")); // D has no start: when it was requested
        Assert.Equal("B", await Codes("year=2024"));
        Assert.Equal("C", await Codes("year=2027")); // budgeted that year
        Assert.Equal("A,B", await Codes("sdg=11"));
        Assert.Equal("A", await Codes("sdg=11.2"));
        Assert.Equal("B", await Codes("sdg=11.A"));
        Assert.Equal("C", await Codes("sdg=1")); // not 11.x, 13.x or 17.x
        Assert.Equal("A,B", await Codes("country=mx"));
        Assert.Equal("C", await Codes("country=SN"));
        Assert.Equal("C", await Codes("q=DAKAR")); // a city
        Assert.Equal("B", await Codes("q=portuaria")); // a description
        Assert.Equal("A", await Codes("q=ciudad de méxico")); // a partner
        Assert.Equal("A", await Codes("q=réseau")); // the French title
        Assert.Equal("D", await Codes($"q={tag}-d")); // the code
        Assert.Equal("A,B", await Codes("country=MX&sdg=11&q=a"));
        Assert.Equal("", await Codes("status=Cancelled"));

        var byTitle = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions?plan={p.Plan}&sort=title&dir=desc&pageSize=2&page=2"))!;
        Assert.Equal(4, (int)byTitle["total"]!);
        Assert.Equal(2, (int)byTitle["page"]!);
        // Titles (es), descending: Visita…, Red…, Petición…, Cooperación… → page 2 holds D and C.
        Assert.Equal([tag + "-D", tag + "-C"], byTitle["items"]!.AsArray().Select(i => (string)i!["code"]!).ToArray());
        var byDepartment = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions?plan={p.Plan}&sort=department"))!;
        Assert.Equal(["AMB", "CUL", "MOB", "MOB"], byDepartment["items"]!.AsArray().Select(i => (string)i!["leadDepartmentCode"]!).ToArray());
        Assert.Equal("department", (string)byDepartment["sort"]!);
    }

    [Fact]
    public async Task A_focal_point_works_only_on_the_actions_their_department_leads()
    {
        var p = await NewPlanAsync();
        var (mob, cul) = (await DeptAsync("MOB"), await DeptAsync("CUL"));
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var culture = await CreateAsync(coordinator, Planned(p, p.ProjectionObjective, cul, NewCode("C")));

        using var focal = await app.ApiClientAsync(FocalPointMobility);
        var own = await CreateAsync(focal, Planned(p, p.ProjectionObjective, mob, NewCode("M")));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/actions", Planned(p, p.ProjectionObjective, cul, NewCode("X")))).StatusCode);

        var ownId = (string)own["id"]!;
        var change = Planned(p, p.SolidarityObjective, mob, (string)own["code"]!, "Cambiada por Marta");
        var changed = await focal.PutAsJsonAsync($"/api/v1/actions/{ownId}", With(change, ("version", (long)own["version"]!)));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var afterChange = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Cambiada por Marta", (string)afterChange["title"]!["es"]!);

        // Handing their action to another department is refused, and so is touching another department's.
        var handOver = Planned(p, p.SolidarityObjective, cul, (string)own["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/actions/{ownId}", With(handOver, ("version", (long)afterChange["version"]!)))).StatusCode);
        var cultureId = (string)culture["id"]!;
        var hijack = Planned(p, p.ProjectionObjective, mob, (string)culture["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/actions/{cultureId}", With(hijack, ("version", (long)culture["version"]!)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync($"/api/v1/actions/{cultureId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/api/v1/actions/{cultureId}")).StatusCode); // reading is fine
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var stored = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(ownId)), solmar);
        Assert.Equal(mob, stored.LeadDepartmentId);
        Assert.Equal(cul, (await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(cultureId)), solmar)).LeadDepartmentId);

        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/actions", Planned(p, p.ProjectionObjective, mob))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/actions/{ownId}")).StatusCode);

        // The pages apply the same rule.
        using var page = await app.SignInAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/solmar/actions/{ownId}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync($"/solmar/actions/{cultureId}/edit")).StatusCode);
        var details = await page.GetHtmlAsync($"/solmar/actions/{cultureId}");
        Assert.DoesNotContain($"/solmar/actions/{cultureId}/edit", details);
        var form = await page.GetHtmlAsync("/solmar/actions/new");
        Assert.Contains($"value=\"{mob}\"", form);
        var leadSelect = System.Text.RegularExpressions.Regex.Match(form, "<select[^>]*id=\"Input_LeadDepartmentId\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(leadSelect.Success);
        Assert.Contains($"value=\"{mob}\"", leadSelect.Value);
        Assert.DoesNotContain($"value=\"{cul}\"", leadSelect.Value);
        var sneaky = await page.PostFormAsync($"/solmar/actions/{cultureId}/edit", new() { ["Input.Title.Es"] = "Hackeada", ["Input.Version"] = "1" }, formPage: "/solmar/actions/new");
        Assert.Equal(HttpStatusCode.Forbidden, sneaky.StatusCode);
        var sneakyDelete = await page.PostFormAsync($"/solmar/actions/{cultureId}?handler=Delete", new(), formPage: "/solmar/actions/new");
        Assert.Equal(HttpStatusCode.Forbidden, sneakyDelete.StatusCode);
    }

    [Fact]
    public async Task Attaching_a_reactive_action_makes_it_planned_from_today_and_the_history_shows_it()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Reactive(p, mob, NewCode("R")));
        var id = (string)created["id"]!;
        Assert.False((bool)created["planned"]!);
        Assert.Null(created["attachedOn"]);

        var attached = await api.PostAsJsonAsync($"/api/v1/actions/{id}/attach", new { objectiveId = p.SolidarityObjective, version = (long)created["version"]! });
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var a = (await attached.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)a["planned"]!);
        Assert.Equal("Reactive", (string)a["origin"]!); // how it arrived does not change
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string)a["attachedOn"]!);
        Assert.Equal(p.SolidarityObjective.ToString(), (string)a["objectiveId"]!);

        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/actions/{id}/history"))!;
        Assert.Equal(["Updated", "Created"], history.Select(h => (string)h!["action"]!).ToArray());
        var changes = history[0]!["changes"]!.AsArray();
        var objective = changes.Single(c => (string)c!["field"]! == "ObjectiveId")!;
        Assert.Null(objective["before"]);
        Assert.Equal(p.SolidarityObjective.ToString(), (string)objective["after"]!);
        Assert.Contains(changes, c => (string)c!["field"]! == "AttachedOn");

        // Once attached it counts as planned; attaching again is refused; a planned action is never "attached".
        var planned = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions?plan={p.Plan}&origin=planned"))!;
        Assert.Contains(planned["items"]!.AsArray(), i => (string)i!["id"]! == id);
        var again = await api.PostAsJsonAsync($"/api/v1/actions/{id}/attach", new { objectiveId = p.ProjectionObjective, version = (long)a["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("objectiveId"));
        var plannedAction = await CreateAsync(api, Planned(p, p.ProjectionObjective, mob, NewCode("P")));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/actions/{plannedAction["id"]}/attach", new { objectiveId = p.SolidarityObjective })).StatusCode);
        var otherPlan = await NewPlanAsync();
        var reactive2 = await CreateAsync(api, Reactive(p, mob, NewCode("R")));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/actions/{reactive2["id"]}/attach", new { objectiveId = otherPlan.SolidarityObjective })).StatusCode);

        // The details page says so, in words; the form page attaches the other one.
        using var page = await app.SignInAsync(Coordinator);
        var details = await page.GetHtmlAsync($"/solmar/actions/{id}?culture=en");
        Assert.Contains("attached to objective O2", details);
        Assert.Contains($"/solmar/plans/{p.Plan}/objectives/{p.SolidarityObjective}", details);
        var reactive2Id = (string)reactive2["id"]!;
        var form = await page.GetHtmlAsync($"/solmar/actions/{reactive2Id}?culture=en");
        Assert.Contains("Attach to an objective", form);
        var posted = await page.PostFormAsync($"/solmar/actions/{reactive2Id}?handler=Attach",
            new() { ["objectiveId"] = p.ProjectionObjective.ToString(), ["version"] = ((long)reactive2["version"]!).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var stored = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(reactive2Id)), solmar);
        Assert.Equal(p.ProjectionObjective, stored.ObjectiveId);
        Assert.Equal(Today, stored.AttachedOn);
    }

    [Fact]
    public async Task A_stale_version_answers_409_with_the_current_values_and_changes_nothing()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Planned(p, p.ProjectionObjective, mob, NewCode("S"), "Original",
            budgets: [new { year = 2026, planned = 100m, spent = 0m }]));
        var id = (string)created["id"]!;
        var code = (string)created["code"]!;
        var version = (long)created["version"]!;

        var first = await api.PutAsJsonAsync($"/api/v1/actions/{id}", With(Planned(p, p.ProjectionObjective, mob, code, "Primera", budgets: [new { year = 2026, planned = 100m, spent = 0m }]), ("version", version)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/actions/{id}", With(Planned(p, p.ProjectionObjective, mob, code, "Segunda"), ("version", version)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Primera", (string)problem["current"]!["title"]!["es"]!);
        Assert.Single(problem["current"]!["budgets"]!.AsArray()); // the saved budget, not the one the stale edit dropped

        // A stale change of the budget alone is refused too.
        var current = (long)(await first.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var budgetOnly = await api.PutAsJsonAsync($"/api/v1/actions/{id}", With(Planned(p, p.ProjectionObjective, mob, code, "Primera", budgets: [new { year = 2026, planned = 900m, spent = 0m }]), ("version", current)));
        Assert.Equal(HttpStatusCode.OK, budgetOnly.StatusCode);
        Assert.True((long)(await budgetOnly.Content.ReadFromJsonAsync<JsonObject>())!["version"]! > current);
        var staleBudget = await api.PutAsJsonAsync($"/api/v1/actions/{id}", With(Planned(p, p.ProjectionObjective, mob, code, "Primera", budgets: [new { year = 2026, planned = 5m, spent = 0m }]), ("version", current)));
        Assert.Equal(HttpStatusCode.Conflict, staleBudget.StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/actions/{id}?version={version}")).StatusCode);
        var now = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions/{id}"))!;
        Assert.Equal("Primera", (string)now["title"]!["es"]!);
        Assert.Equal(900m, (decimal)now["budgets"]![0]!["planned"]!);

        var missingVersion = await api.PutAsJsonAsync($"/api/v1/actions/{id}", Planned(p, p.ProjectionObjective, mob, code, "Sin versión"));
        Assert.Equal(HttpStatusCode.BadRequest, missingVersion.StatusCode);

        var reactive = await CreateAsync(api, Reactive(p, mob, NewCode("R")));
        var staleAttach = await api.PostAsJsonAsync($"/api/v1/actions/{reactive["id"]}/attach", new { objectiveId = p.ProjectionObjective, version = (long)reactive["version"]! - 1 });
        Assert.Equal(HttpStatusCode.Conflict, staleAttach.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/actions/{id}?version={(long)now["version"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/actions/{id}")).StatusCode);
        Assert.Contains((await api.GetFromJsonAsync<JsonObject>("/api/v1/trash?kind=Action"))!["items"]!.AsArray(), i => (string)i!["id"]! == id);
    }

    [Fact]
    public async Task Every_route_answers_404_for_an_action_of_another_organization()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var p = await NewPlanAsync(Seeder.SecondDemoSlug);
        var pue = await DeptAsync("PUE", Seeder.SecondDemoSlug);
        var foreign = await app.WithDbAsync(async db =>
        {
            var a = new PolicyAction
            {
                OrganizationId = costaAlta, PlanId = p.Plan, Code = NewCode("CA"), Title = new LocalizedText("Reactiva de Costa Alta", null, null),
                Origin = ActionOrigin.Reactive, RequestedBy = "Puerto de Génova", RequestedOn = new DateOnly(2026, 1, 1),
                Modality = Modality.TechnicalExchange, LeadDepartmentId = pue, Status = ActionStatus.Idea,
            };
            db.Actions.Add(a);
            await db.SaveChangesAsync();
            return a;
        }, costaAlta);

        using var api = await app.ApiClientAsync(TestApp.AdminEmail); // member of both organizations, token for Solmar
        var body = new { planId = p.Plan, title = new { es = "X" }, origin = "Reactive", requestedBy = "X", requestedOn = "2026-01-01", modality = "Twinning", leadDepartmentId = pue, status = "Idea", version = 1 };
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/actions/{id}", null),
            (HttpMethod.Put, "/api/v1/actions/{id}", body),
            (HttpMethod.Delete, "/api/v1/actions/{id}", null),
            (HttpMethod.Get, "/api/v1/actions/{id}/history", null),
            (HttpMethod.Post, "/api/v1/actions/{id}/attach", new { objectiveId = p.ProjectionObjective, version = 1 }),
            (HttpMethod.Post, "/api/v1/trash/Action/{id}/restore", null),
        };
        foreach (var (method, url, content) in routes)
        {
            var request = new HttpRequestMessage(method, url.Replace("{id}", foreign.Id.ToString())) { Content = content is null ? null : JsonContent.Create(content) };
            var response = await api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri} answered {(int)response.StatusCode}");
        }
        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/actions?plan={p.Plan}"))!;
        Assert.Equal(0, (int)list["total"]!);

        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        foreach (var url in new[] { $"/solmar/actions/{foreign.Id}", $"/solmar/actions/{foreign.Id}/edit" })
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        var post = await admin.PostFormAsync($"/solmar/actions/{foreign.Id}?handler=Delete", new() { ["version"] = "1" }, formPage: "/solmar/actions/new");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var attach = await admin.PostFormAsync($"/solmar/actions/{foreign.Id}?handler=Attach", new() { ["objectiveId"] = p.ProjectionObjective.ToString() }, formPage: "/solmar/actions/new");
        Assert.Equal(HttpStatusCode.NotFound, attach.StatusCode);
        var still = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == foreign.Id), costaAlta);
        Assert.Null(still.DeletedAt);
        Assert.Null(still.ObjectiveId);
        Assert.Equal(foreign.Version, still.Version);
    }

    [Fact]
    public async Task The_form_adds_an_action_with_a_budget_line_and_a_milestone()
    {
        var p = await NewPlanAsync();
        var (mob, cul) = (await DeptAsync("MOB"), await DeptAsync("CUL"));
        using var client = await app.SignInAsync(Coordinator, language: "en");
        var code = NewCode("W");
        var saved = await client.PostFormAsync("/solmar/actions/new", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code,
            ["Input.Title.Es"] = "Misión a Lyon", ["Input.Title.En"] = "Mission to Lyon",
            ["Input.Origin"] = "Planned", ["Input.ObjectiveId"] = p.ProjectionObjective.ToString(),
            ["Input.RequestedBy"] = "ignored: the planned origin was chosen",
            ["Input.Modality"] = "MissionOrVisit", ["Input.LeadDepartmentId"] = mob.ToString(), ["Input.InvolvedDepartmentIds"] = cul.ToString(),
            ["Input.AxisIds"] = p.MediterraneanAxis.ToString(),
            ["Input.Partners"] = "Métropole de Lyon, Sytral", ["Input.Countries"] = "fr", ["Input.Cities"] = "Lyon", ["Input.SdgTargets"] = "11.2, 17.17",
            ["Input.Start"] = "2026-04-01", ["Input.End"] = "2026-04-05", ["Input.Status"] = "Planned", ["Input.BeneficiaryCount"] = "12",
            ["Input.Milestones[0].Title"] = "", ["Input.Milestones[0].Due"] = "",
            ["Input.Milestones[1].Title"] = "Agenda cerrada", ["Input.Milestones[1].Due"] = "2026-03-15",
            ["Input.Budgets[0].Year"] = "2026", ["Input.Budgets[0].Planned"] = "8500", ["Input.Budgets[0].Spent"] = "0", ["Input.Budgets[0].Currency"] = "EUR",
            ["Input.Budgets[1].Currency"] = "EUR",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var a = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(x => x.Code == code), solmar);
        Assert.EndsWith($"/solmar/actions/{a.Id}", location);
        Assert.Equal(["Métropole de Lyon", "Sytral"], a.Partners);
        Assert.Equal(["FR"], a.Countries);
        Assert.Equal(["11.2", "17.17"], a.SdgTargets);
        Assert.Equal([cul], a.InvolvedDepartmentIds);
        Assert.Null(a.RequestedBy);
        Assert.Equal(new DateOnly(2026, 4, 1), a.Start);
        var (milestones, budgets) = await app.WithDbAsync(async db => (
            await db.Milestones.AsNoTracking().Where(m => m.ActionId == a.Id).ToListAsync(),
            await db.Budgets.AsNoTracking().Where(b => b.ActionId == a.Id).ToListAsync()), solmar);
        Assert.Equal("Agenda cerrada", Assert.Single(milestones).Title.Es);
        var budget = Assert.Single(budgets);
        Assert.Equal((2026, 8500m, "EUR"), (budget.Year, budget.Planned, budget.Currency));

        var details = await client.GetHtmlAsync(location + "?culture=en");
        Assert.Contains("Mission to Lyon", details);
        Assert.Contains("Agenda cerrada", details);
        Assert.Contains("EUR 8,500", details);
        Assert.Contains("France", details);
        Assert.Contains(Coordinator, details); // the History panel names who created it

        // The edit form shows the saved rows and blank ones; changing keeps the milestone (matched by id).
        var edit = await client.GetHtmlAsync($"/solmar/actions/{a.Id}/edit?culture=en");
        Assert.Contains("value=\"Agenda cerrada\"", edit);
        Assert.Contains("name=\"Input.Milestones[2].Title\"", edit); // one saved + two blank
        Assert.Contains("name=\"Input.Budgets[3].Year\"", edit); // one saved + three blank
        Assert.Contains("value=\"2026-03-15\"", edit);
        Assert.Contains("value=\"M\u00e9tropole de Lyon, Sytral\"", edit);
        var milestoneId = milestones[0].Id;
        var changed = await client.PostFormAsync($"/solmar/actions/{a.Id}/edit", new()
        {
            ["Input.Version"] = a.Version.ToString(), ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code,
            ["Input.Title.Es"] = "Misión a Lyon y Grenoble", ["Input.Origin"] = "Reactive", // the origin never changes
            ["Input.ObjectiveId"] = p.ProjectionObjective.ToString(), ["Input.Modality"] = "MissionOrVisit", ["Input.LeadDepartmentId"] = mob.ToString(), ["Input.Status"] = "InProgress",
            ["Input.Milestones[0].Id"] = milestoneId.ToString(), ["Input.Milestones[0].Title"] = "Agenda cerrada", ["Input.Milestones[0].Due"] = "2026-03-15", ["Input.Milestones[0].DoneOn"] = "2026-03-14",
            ["Input.Budgets[0].Year"] = "2026", ["Input.Budgets[0].Planned"] = "9000", ["Input.Budgets[0].Spent"] = "1200", ["Input.Budgets[0].Currency"] = "EUR",
        }, formPage: $"/solmar/actions/{a.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await app.WithDbAsync(async db => (
            await db.Actions.AsNoTracking().SingleAsync(x => x.Id == a.Id),
            await db.Milestones.AsNoTracking().SingleAsync(m => m.ActionId == a.Id),
            await db.Budgets.AsNoTracking().SingleAsync(b => b.ActionId == a.Id)), solmar);
        Assert.Equal(ActionOrigin.Planned, after.Item1.Origin);
        Assert.Equal(milestoneId, after.Item2.Id);
        Assert.Equal(new DateOnly(2026, 3, 14), after.Item2.DoneOn);
        Assert.Equal(1200m, after.Item3.Spent);
        Assert.Empty(after.Item1.Partners);

        // A stale form is refused with the current values.
        var stale = await client.PostFormAsync($"/solmar/actions/{a.Id}/edit", new()
        {
            ["Input.Version"] = a.Version.ToString(), ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code, ["Input.Title.Es"] = "Tarde",
            ["Input.ObjectiveId"] = p.ProjectionObjective.ToString(), ["Input.Modality"] = "MissionOrVisit", ["Input.LeadDepartmentId"] = mob.ToString(), ["Input.Status"] = "Done",
        }, formPage: $"/solmar/actions/{a.Id}/edit");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", staleHtml);
        Assert.Contains("Misión a Lyon y Grenoble", staleHtml);
    }

    [Fact]
    public async Task An_invalid_form_shows_each_error_next_to_its_field_and_saves_nothing()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var client = await app.SignInAsync(Coordinator, language: "en");
        var before = await app.WithDbAsync(db => db.Actions.IgnoreQueryFilters().CountAsync());
        var response = await client.PostFormAsync("/solmar/actions/new?culture=en", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Title.En"] = "No Spanish title", ["Input.Origin"] = "Reactive",
            ["Input.Modality"] = "Twinning", ["Input.LeadDepartmentId"] = mob.ToString(), ["Input.Status"] = "Idea",
            ["Input.Countries"] = "FR, ZZ",
            ["Input.Milestones[0].Title"] = "", ["Input.Milestones[1].Title"] = "No date",
            ["Input.Budgets[0].Year"] = "", ["Input.Budgets[1].Year"] = "1800", ["Input.Budgets[1].Planned"] = "10",
        }, formPage: "/solmar/actions/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("id=\"Input_Title_Es-error\"", html);
        Assert.Contains("id=\"Input_RequestedBy-error\"", html); // who asked
        Assert.Contains("id=\"Input_RequestedOn-error\"", html);
        Assert.Contains("id=\"Input_Countries-error\"", html);
        Assert.Contains("ZZ is not an ISO 3166 country code.", html);
        Assert.Contains("id=\"Input_Milestones_1__Due-error\"", html); // the row typed, not the first kept one
        Assert.Contains("id=\"Input_Budgets_1__Year-error\"", html);
        Assert.DoesNotContain("id=\"Input_Budgets_0__Year-error\"", html);
        Assert.Contains("href=\"#Input_Budgets_1__Year\"", html); // the summary links to the field
        Assert.Contains("value=\"No Spanish title\"", html); // what the person typed is kept
        Assert.Contains("value=\"FR, ZZ\"", html);
        Assert.Contains("value=\"1800\"", html);
        Assert.Contains("name=\"Input.Milestones[2].Title\"", html); // fresh empty rows after the ones sent back
        Assert.Equal(before, await app.WithDbAsync(db => db.Actions.IgnoreQueryFilters().CountAsync()));

        var badNumber = await client.PostFormAsync("/solmar/actions/new?culture=en", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Title.Es"] = "Con error", ["Input.Budgets[0].Year"] = "twenty",
        }, formPage: "/solmar/actions/new");
        var badHtml = await badNumber.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Budgets_0__Year-error\"", badHtml);
        Assert.Equal(before, await app.WithDbAsync(db => db.Actions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task The_list_page_filters_sorts_and_refreshes_with_htmx()
    {
        var p = await NewPlanAsync();
        var (mob, cul) = (await DeptAsync("MOB"), await DeptAsync("CUL"));
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = NewCode("L");
        var a = await CreateAsync(api, Planned(p, p.ProjectionObjective, mob, tag + "-1", "Encuentro de movilidad"));
        var b = await CreateAsync(api, Reactive(p, cul, tag + "-2", "Festival de culturas"));

        using var client = await app.SignInAsync(Coordinator, language: "en");
        var page = await client.GetHtmlAsync($"/solmar/actions?plan={p.Plan}&culture=en");
        Assert.Contains("<html", page);
        Assert.Contains((string)a["code"]!, page);
        Assert.Contains((string)b["code"]!, page);
        Assert.Contains("/solmar/actions/new", page);
        Assert.Contains("/solmar/actions/export", page);
        Assert.Contains("/solmar/actions/import", page);
        Assert.Contains("aria-sort=\"ascending\"", page);
        Assert.Contains("2 actions", page);
        var second = await client.GetHtmlAsync($"/solmar/actions?plan={p.Plan}&sort=code&pageSize=1&page=2&culture=en");
        Assert.Contains((string)b["code"]!, second);
        Assert.DoesNotContain((string)a["code"]! + "<", second);
        Assert.Contains("rel=\"prev\"", second);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/solmar/actions?plan={p.Plan}&origin=reactive&sort=title&dir=desc&culture=en");
        request.Headers.Add("HX-Request", "true");
        var partial = await (await client.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", partial);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(partial, "id=\"action-list\""));
        Assert.Contains((string)b["code"]!, partial);
        Assert.DoesNotContain((string)a["code"]!, partial);
        Assert.Contains("aria-sort=\"descending\"", partial);

        using var viewer = await app.SignInAsync(Viewer);
        var viewerPage = await viewer.GetHtmlAsync($"/solmar/actions?plan={p.Plan}");
        Assert.DoesNotContain("/solmar/actions/new", viewerPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/solmar/actions/new")).StatusCode);
        var details = await viewer.GetHtmlAsync($"/solmar/actions/{a["id"]}");
        Assert.DoesNotContain("handler=Delete", details);
    }

    private static Dictionary<string, object?> With(object body, params (string Key, object? Value)[] extra)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        var dict = json.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone());
        foreach (var (k, v) in extra) dict[k] = v;
        return dict;
    }

    [Fact]
    public async Task An_actions_history_shows_the_changes_of_its_budget_lines_too()
    {
        var p = await NewPlanAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Planned(p, p.ProjectionObjective, await DeptAsync("MOB"), NewCode("H"), budgets: [new { year = 2026, planned = 1000m, spent = 0m }]));
        var id = (string)created["id"]!;
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Planned(p, p.ProjectionObjective, await DeptAsync("MOB"), (string)created["code"]!, budgets: [new { year = 2026, planned = 1750m, spent = 250m }])))!.AsObject();
        body["version"] = (long)created["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/actions/{id}", body)).StatusCode);

        using var web = await app.SignInAsync(Viewer);
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/actions/{id}");
        var history = html[html.IndexOf("id=\"history-title\"", StringComparison.Ordinal)..];
        Assert.Matches(@"Importe previsto</dt>\s*<dd>1000(\.0*)? → 1750(\.0*)?</dd>", history); // the viewer reads Spanish
        Assert.Matches(@"Importe ejecutado</dt>\s*<dd>0(\.0*)? → 250(\.0*)?</dd>", history);
    }
}

public sealed class ActionTestsOnSqlite(SqliteApp app) : ActionTests<SqliteApp>(app);
public sealed class ActionTestsOnPostgres(PostgresApp app) : ActionTests<PostgresApp>(app);
