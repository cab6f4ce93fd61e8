using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Policy;
using Nodal.Web.Features.Externalities;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Negative externalities: API and pages, drivers in the plan, flags, worst light, overdue measures, reviews, roles, tenancy and concurrency, on each database.</summary>
public abstract class ExternalityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPoint = "marta.movilidad@solmar.example";

    private sealed record PlanFixture(Guid Plan, Guid Objective, Guid Action, Guid OtherPlan, Guid OtherAction);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>Two plans of their own (the demo may hold externalities of its plans): one objective and one action in the first, one action in the second.</summary>
    private async Task<PlanFixture> NewPlansAsync(string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(async db =>
        {
            var lead = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            var plan = new StrategicPlan { OrganizationId = orgId, Title = new LocalizedText("Plan de externalidades", "Externalities plan", null), StartYear = 2024, EndYear = 2030, Status = PlanStatus.Adopted };
            var other = new StrategicPlan { OrganizationId = orgId, Title = new LocalizedText("Otro plan", "Another plan", null), StartYear = 2016, EndYear = 2020, Status = PlanStatus.Archived };
            var objective = new Objective
            {
                OrganizationId = orgId, PlanId = plan.Id, Code = "O1", Family = ObjectiveFamily.Projection,
                Statement = new LocalizedText("Atraer inversión inmobiliaria internacional", "Attract international real-estate investment", null),
            };
            PolicyAction Action(Guid planId, string title) => new()
            {
                OrganizationId = orgId, PlanId = planId, Code = NewCode("XA"), Title = new LocalizedText(title, null, null),
                Origin = ActionOrigin.Reactive, RequestedBy = "Cámara de comercio", RequestedOn = new DateOnly(2025, 1, 10),
                Modality = Modality.TechnicalExchange, LeadDepartmentId = lead, Status = ActionStatus.InProgress,
            };
            var action = Action(plan.Id, "Feria internacional de inversión");
            var otherAction = Action(other.Id, "Campaña turística de 2018");
            db.Plans.AddRange(plan, other);
            db.Objectives.Add(objective);
            db.Actions.AddRange(action, otherAction);
            await db.SaveChangesAsync();
            return new PlanFixture(plan.Id, objective.Id, action.Id, other.Id, otherAction.Id);
        }, orgId);
    }

    private async Task<Guid> DeptAsync(string code, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(), orgId);
    }

    private static object Body(PlanFixture p, string? code = null, Guid[]? actions = null, string state = "Watch", long? version = null, string name = "Gentrificación del centro histórico") => new
    {
        planId = p.Plan, code, kind = "Gentrification",
        name = new { es = name, en = "Gentrification of the historic centre" },
        description = new { es = "Subida de alquileres por compras de inversores extranjeros." },
        driverObjectiveIds = new[] { p.Objective }, driverActionIds = actions ?? [p.Action],
        whoBenefits = new { es = "Inversores internacionales y propietarios" },
        whoBearsCost = new { es = "Inquilinos del centro histórico" },
        state, version,
    };

    private static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/externalities", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/externalities answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> RowAsync(HttpClient api, Guid plan, string id)
    {
        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities?plan={plan}"))!;
        return list["items"]!.AsArray().Single(r => (string)r!["id"]! == id)!.AsObject();
    }

    /// <summary>An indicator of the plan watching the externality, put straight in the database, with a yearly target for 2025.</summary>
    private async Task<Guid> AddIndicatorAsync(Guid plan, Guid externality, Direction direction, decimal baseline, decimal target, params (decimal Value, MeasurementStatus Status)[] measurements2025)
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var owner = await DeptAsync("AMB");
        return await app.WithDbAsync(async db =>
        {
            var i = new Indicator
            {
                OrganizationId = solmar, PlanId = plan, Code = NewCode("XI"), Name = new LocalizedText("Indicador vigía", "Watching indicator", null),
                Level = IndicatorLevel.Territorial, Direction = direction, Aggregation = Aggregation.Last, Frequency = Frequency.Yearly,
                BaselineValue = baseline, OwnerDepartmentId = owner, ExternalityId = externality, Unit = "%",
            };
            db.Indicators.Add(i);
            db.IndicatorTargets.Add(new IndicatorTarget { OrganizationId = solmar, IndicatorId = i.Id, Period = new DateOnly(2025, 1, 1), Span = Frequency.Yearly, Value = target });
            foreach (var (value, status) in measurements2025)
                db.Measurements.Add(new Measurement { OrganizationId = solmar, IndicatorId = i.Id, Period = new DateOnly(2025, 1, 1), Value = value, Status = status });
            await db.SaveChangesAsync();
            return i.Id;
        }, solmar);
    }

    [Fact]
    public async Task An_externality_created_through_the_api_reads_back_with_its_drivers_and_who_gains_and_pays()
    {
        var p = await NewPlansAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Body(p));
        var id = (string)created["id"]!;
        Assert.Matches("^X-[0-9]{2,}$", (string)created["code"]!);

        var response = await api.GetAsync($"/api/v1/externalities/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var x = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"\"{(long)x["version"]!}\"", response.Headers.ETag!.Tag);
        Assert.Equal("Gentrification", (string)x["kind"]!);
        Assert.Equal("Watch", (string)x["state"]!);
        Assert.Equal([p.Objective.ToString()], x["driverObjectiveIds"]!.AsArray().Select(v => (string)v!).ToArray());
        Assert.Equal([p.Action.ToString()], x["driverActionIds"]!.AsArray().Select(v => (string)v!).ToArray());
        Assert.Equal("Inquilinos del centro histórico", (string)x["whoBearsCost"]!["es"]!);
        Assert.Empty(x["mitigations"]!.AsArray());
        Assert.Empty(x["indicators"]!.AsArray());

        // The next suggested code follows the highest one.
        var second = await CreateAsync(api, Body(p, name: "Segunda"));
        Assert.Equal(int.Parse(((string)created["code"]!)[2..]) + 1, int.Parse(((string)second["code"]!)[2..]));

        // The page shows who gains and who pays, the drivers, and the history.
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var html = await web.GetHtmlAsync($"/solmar/externalities/{id}");
        Assert.Contains("Quién gana, quién paga", html);
        Assert.Contains("Inversores internacionales y propietarios", html);
        Assert.Contains($"/solmar/actions/{p.Action}", html);
        Assert.Contains($"/solmar/plans/{p.Plan}/objectives/{p.Objective}", html);
        Assert.Contains($"/solmar/indicators/new?externality={id}", html);
        Assert.Contains("id=\"history-title\"", html);
    }

    [Fact]
    public async Task The_form_records_an_externality_and_refuses_a_driver_action_of_another_plan_next_to_the_field()
    {
        var p = await NewPlansAsync();
        var amb = await DeptAsync("AMB");
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var form = await web.GetHtmlAsync($"/solmar/externalities/new?plan={p.Plan}");
        Assert.Matches("id=\"Input_Code\"[^>]*value=\"X-[0-9]{2,}\"", form); // the next code is suggested
        Assert.Contains($"value=\"{p.Action}\"", form); // actions of the plan are offered…
        Assert.DoesNotContain($"value=\"{p.OtherAction}\"", form); // …not those of another plan

        var code = NewCode("XF");
        var fields = new Dictionary<string, string>
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code, ["Input.Kind"] = "PortOrAirportPollution",
            ["Input.Name.Es"] = "Contaminación del tráfico portuario", ["Input.Name.Fr"] = "Pollution du trafic portuaire",
            ["Input.DriverObjectiveIds"] = p.Objective.ToString(), ["Input.DriverActionIds"] = p.OtherAction.ToString(),
            ["Input.WhoBenefits.Es"] = "Navieras de cruceros", ["Input.WhoBearsCost.Es"] = "Vecinos del puerto",
            ["Input.State"] = "Concern", ["Input.OwnerDepartmentId"] = amb.ToString(), ["Input.ReviewedOn"] = "2026-03-01",
        };
        var refused = await web.PostFormAsync("/solmar/externalities/new", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("id=\"Input_DriverActionIds-error\"[^>]*>.*Una de estas acciones no está en el plan de la externalidad", html);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        Assert.False(await app.WithDbAsync(db => db.Externalities.AnyAsync(x => x.Code == code), solmar));

        fields["Input.DriverActionIds"] = p.Action.ToString();
        var saved = await web.PostFormAsync("/solmar/externalities/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var x = await app.WithDbAsync(db => db.Externalities.AsNoTracking().SingleAsync(e => e.Code == code), solmar);
        Assert.EndsWith($"/solmar/externalities/{x.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(ExternalityKind.PortOrAirportPollution, x.Kind);
        Assert.Equal(ExternalityState.Concern, x.State);
        Assert.Equal(new DateOnly(2026, 3, 1), x.ReviewedOn);
        Assert.Equal([p.Action], x.DriverActionIds);
        Assert.Equal("Pollution du trafic portuaire", x.Name.Fr);
        Assert.Equal(amb, x.OwnerDepartmentId);

        // The API refuses the other plan's action too, naming the field.
        using var api = await app.ApiClientAsync(Coordinator);
        var bad = await api.PostAsJsonAsync("/api/v1/externalities", Body(p, NewCode("XB"), actions: [p.OtherAction]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("driverActionIds"));
        var invalid = await api.PostAsJsonAsync("/api/v1/externalities", new { planId = p.Plan, name = new { en = "Only English" } });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        foreach (var field in new[] { "name.es", "kind", "state" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {string.Join(", ", errors.Select(e => e.Key))}");
    }

    [Fact]
    public async Task The_flags_appear_and_disappear_as_an_indicator_watches_it_and_a_measure_is_added()
    {
        var p = await NewPlansAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var id = (string)(await CreateAsync(api, Body(p, NewCode("XG"))))["id"]!;
        var row = await RowAsync(api, p.Plan, id);
        Assert.True((bool)row["noIndicator"]!);
        Assert.True((bool)row["noMitigation"]!);
        using var web = await app.SignInAsync(Coordinator, language: "en");
        string RowHtml(string html) => Regex.Match(html, $"<tr[^>]*>(?:(?!</tr>).)*{id}(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;
        var before = RowHtml(await web.GetHtmlAsync($"/solmar/externalities?plan={p.Plan}"));
        Assert.Contains("Ningún indicador la vigila", before); // demo users read Spanish
        Assert.Contains("Sin mitigación", before);

        await AddIndicatorAsync(p.Plan, Guid.Parse(id), Direction.LowerIsBetter, 20, 10);
        row = await RowAsync(api, p.Plan, id);
        Assert.False((bool)row["noIndicator"]!);
        Assert.Equal(1, (int)row["indicators"]!);
        Assert.True((bool)row["noMitigation"]!);

        // A dropped measure is no mitigation; a planned one is.
        var dropped = await api.PostAsJsonAsync($"/api/v1/externalities/{id}/mitigations", new { measure = new { es = "Tasa turística (descartada)" }, status = "Dropped" });
        Assert.Equal(HttpStatusCode.Created, dropped.StatusCode);
        Assert.True((bool)(await RowAsync(api, p.Plan, id))["noMitigation"]!);
        var planned = await api.PostAsJsonAsync($"/api/v1/externalities/{id}/mitigations", new { measure = new { es = "Límite de pisos turísticos" }, status = "Planned", ownerDepartmentId = await DeptAsync("AMB"), actionId = p.Action });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        row = await RowAsync(api, p.Plan, id);
        Assert.False((bool)row["noMitigation"]!);
        Assert.Equal(0, (int)row["mitigationsDone"]!);
        Assert.Equal(1, (int)row["mitigationsTotal"]!);

        var after = RowHtml(await web.GetHtmlAsync($"/solmar/externalities?plan={p.Plan}"));
        Assert.DoesNotContain("Ningún indicador la vigila", after);
        Assert.DoesNotContain("Sin mitigación", after);
        Assert.Contains("0 realizadas de 1", after);

        // The service the dashboard calls gives the same row.
        var watchRow = await WatchAsync(p.Plan, Guid.Parse(id));
        Assert.False(watchRow.NoIndicator);
        Assert.False(watchRow.NoMitigation);
        Assert.Equal(2, watchRow.Drivers);

        // The summary line counts the plan's externalities by state.
        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities?plan={p.Plan}"))!;
        Assert.Equal(1, (int)list["summary"]!["watched"]!);
        Assert.Equal(0, (int)list["summary"]!["concern"]!);
        Assert.Contains("1 en observación, 0 preocupantes, 0 mitigadas.", await web.GetHtmlAsync($"/solmar/externalities?plan={p.Plan}"));
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities?plan={p.Plan}&state=Concern"))!["items"]!.AsArray());
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities?plan={p.Plan}&kind=MassTourism"))!["items"]!.AsArray());
    }

    private async Task<ExternalityWatchRow> WatchAsync(Guid plan, Guid id)
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var scope = app.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Nodal.Data.TenantContext>().EnterAsSystem(solmar);
        var rows = await scope.ServiceProvider.GetRequiredService<ExternalityWatch>().ForPlanAsync(plan, default);
        return rows.Single(r => r.Id == id);
    }

    [Fact]
    public async Task The_worst_light_comes_from_validated_measurements_only()
    {
        var p = await NewPlansAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var id = Guid.Parse((string)(await CreateAsync(api, Body(p, NewCode("XL"))))["id"]!);

        // Visitors: higher is better, baseline 0, target 100, validated 95 → (95 − 0) / (100 − 0) = 0.95 ≥ 0.9: on track.
        await AddIndicatorAsync(p.Plan, id, Direction.HigherIsBetter, 0, 100, (95, MeasurementStatus.Validated));
        Assert.Equal("Green", (string)(await RowAsync(api, p.Plan, id.ToString()))["worstLight"]!);

        // Share of tourist flats: lower is better, baseline 20, target 10, validated 18 → (20 − 18) / (20 − 10) = 0.2 < 0.6: off track.
        // A draft value of 9 would meet the target, but only validated values count.
        var flats = await AddIndicatorAsync(p.Plan, id, Direction.LowerIsBetter, 20, 10, (18, MeasurementStatus.Validated));
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        // An indicator with nothing validated yet (a submitted 5 only) is not judged and does not lighten the result.
        await AddIndicatorAsync(p.Plan, id, Direction.LowerIsBetter, 20, 10, (5, MeasurementStatus.Submitted));
        Assert.Equal("Red", (string)(await RowAsync(api, p.Plan, id.ToString()))["worstLight"]!);
        Assert.Equal(Light.Red, (await WatchAsync(p.Plan, id)).WorstLight);

        var x = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities/{id}"))!;
        Assert.Equal("Red", (string)x["worstLight"]!);
        var indicators = x["indicators"]!.AsArray();
        Assert.Equal(3, indicators.Count);
        var flatsRow = indicators.Single(i => (string)i!["id"]! == flats.ToString())!;
        Assert.Equal("Red", (string)flatsRow["light"]!);
        Assert.Equal("18%", (string)flatsRow["latestValue"]!);   // as an English reader writes it
        Assert.Contains(indicators, i => (string)i!["light"]! == "None" && i["latestValue"] is null);

        // When the flats fall to 11 and that value is validated: (20 − 11) / 10 = 0.9: on track, and the worst is green again.
        await app.WithDbAsync(async db =>
        {
            var m = await db.Measurements.SingleAsync(v => v.IndicatorId == flats);
            m.Value = 11;
            return await db.SaveChangesAsync();
        }, solmar);
        Assert.Equal("Green", (string)(await RowAsync(api, p.Plan, id.ToString()))["worstLight"]!);

        using var web = await app.SignInAsync(Coordinator, language: "en");
        var html = await web.GetHtmlAsync($"/solmar/externalities/{id}");
        Assert.Contains($"/solmar/indicators/{flats}", html);
        Assert.Contains("Peor semáforo: En buen camino", html); // demo users read Spanish
    }

    [Fact]
    public async Task A_measure_past_its_due_date_and_not_done_is_overdue()
    {
        var p = await NewPlansAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var id = (string)(await CreateAsync(api, Body(p, NewCode("XO"))))["id"]!;
        async Task<JsonObject> Add(string status, DateOnly due)
        {
            var r = await api.PostAsJsonAsync($"/api/v1/externalities/{id}/mitigations", new { measure = new { es = $"Medida {status}" }, status, due = due.ToString("yyyy-MM-dd") });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonObject>())!;
        }
        var late = await Add("InProgress", Today.AddDays(-1));
        var doneLate = await Add("Done", Today.AddDays(-30));
        var future = await Add("Planned", Today.AddDays(10));
        Assert.True((bool)late["overdue"]!);
        Assert.False((bool)doneLate["overdue"]!);
        Assert.False((bool)future["overdue"]!);

        var row = await RowAsync(api, p.Plan, id);
        Assert.Equal(1, (int)row["mitigationsOverdue"]!);
        Assert.Equal(1, (int)row["mitigationsDone"]!);
        Assert.Equal(3, (int)row["mitigationsTotal"]!);

        using var web = await app.SignInAsync(Coordinator, language: "en");
        var html = await web.GetHtmlAsync($"/solmar/externalities/{id}");
        var rows = Regex.Matches(html, "<tr class=\"govuk-table__row\">(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Contains(rows, r => r.Contains("Medida InProgress") && r.Contains("Atrasado"));
        Assert.Contains(rows, r => r.Contains("Medida Done") && !r.Contains("Atrasado"));
        Assert.Contains("1 medida vencida", await web.GetHtmlAsync($"/solmar/externalities?plan={p.Plan}"));

        // Done now: no longer overdue. Through the form of the measure.
        var edit = $"/solmar/externalities/{id}/mitigations/{late["id"]}/edit";
        var saved = await web.PostFormAsync(edit, new()
        {
            ["Input.Measure.Es"] = "Medida InProgress", ["Input.Status"] = "Done", ["Input.Due"] = Today.AddDays(-1).ToString("yyyy-MM-dd"), ["Input.Version"] = ((long)late["version"]!).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, (int)(await RowAsync(api, p.Plan, id))["mitigationsOverdue"]!);

        // Removing a measure moves it to the Trash.
        var removed = await web.PostFormAsync($"/solmar/externalities/{id}?handler=RemoveMitigation", new() { ["mitigationId"] = (string)future["id"]!, ["version"] = ((long)future["version"]!).ToString() }, formPage: $"/solmar/externalities/{id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonArray>($"/api/v1/externalities/{id}/mitigations"))!.Count);
        Assert.Contains((await api.GetFromJsonAsync<JsonObject>("/api/v1/trash?kind=Mitigation"))!["items"]!.AsArray(), i => (string)i!["id"]! == (string)future["id"]!);
    }

    [Fact]
    public async Task A_review_of_the_state_records_today_as_the_review_date()
    {
        var p = await NewPlansAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, new
        {
            planId = p.Plan, code = NewCode("XR"), kind = "MassTourism", name = new { es = "Turismo masivo en el casco antiguo" },
            state = "Watch", reviewedOn = "2025-06-01",
        });
        var id = (string)created["id"]!;
        Assert.Equal("2025-06-01", (string)created["reviewedOn"]!);

        using var web = await app.SignInAsync(Coordinator, language: "en");
        var page = $"/solmar/externalities/{id}";
        var posted = await web.PostFormAsync($"{page}?handler=State", new() { ["state"] = "Concern", ["version"] = ((long)created["version"]!).ToString() }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var x = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities/{id}"))!;
        Assert.Equal("Concern", (string)x["state"]!);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string)x["reviewedOn"]!);
        var html = await web.GetHtmlAsync(page);
        Assert.Contains("Preocupación", Regex.Match(html, "id=\"externality-state\".*?</p>", RegexOptions.Singleline).Value);

        // Through the whole record, a change of state with the same review date records today too.
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Externalities.SingleAsync(v => v.Id == Guid.Parse(id));
            e.ReviewedOn = new DateOnly(2025, 1, 1);
            return await db.SaveChangesAsync();
        }, solmar);
        x = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities/{id}"))!;
        var put = await api.PutAsJsonAsync($"/api/v1/externalities/{id}", new
        {
            planId = p.Plan, code = (string)x["code"]!, kind = "MassTourism", name = new { es = "Turismo masivo en el casco antiguo" },
            state = "Mitigated", reviewedOn = "2025-01-01", version = (long)x["version"]!,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Mitigated", (string)after["state"]!);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string)after["reviewedOn"]!);

        // The API's review does the same.
        var review = await api.PostAsJsonAsync($"/api/v1/externalities/{id}/state", new { state = "Watch", version = (long)after["version"]! });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal("Watch", (string)(await review.Content.ReadFromJsonAsync<JsonObject>())!["state"]!);
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/externalities/{id}/history"))!;
        Assert.Contains(history, h => h!["changes"]!.AsArray().Any(c => (string)c!["field"]! == "State"));
    }

    [Fact]
    public async Task Every_route_answers_404_for_an_externality_of_another_organization()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var p = await NewPlansAsync(Seeder.SecondDemoSlug);
        var (foreign, measure) = await app.WithDbAsync(async db =>
        {
            var x = new Externality { OrganizationId = costaAlta, PlanId = p.Plan, Code = NewCode("XC"), Kind = ExternalityKind.MassTourism, Name = new LocalizedText("Cruceros", null, null) };
            var m = new Mitigation { OrganizationId = costaAlta, ExternalityId = x.Id, Measure = new LocalizedText("Cupo de cruceros", null, null) };
            db.Externalities.Add(x);
            db.Mitigations.Add(m);
            await db.SaveChangesAsync();
            return (x, m);
        }, costaAlta);

        using var api = await app.ApiClientAsync(TestApp.AdminEmail); // member of both, token for Solmar
        var body = new { planId = p.Plan, kind = "MassTourism", name = new { es = "X" }, state = "Watch", version = 1 };
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/externalities/{id}", null),
            (HttpMethod.Put, "/api/v1/externalities/{id}", body),
            (HttpMethod.Delete, "/api/v1/externalities/{id}", null),
            (HttpMethod.Get, "/api/v1/externalities/{id}/history", null),
            (HttpMethod.Post, "/api/v1/externalities/{id}/state", new { state = "Concern", version = 1 }),
            (HttpMethod.Get, "/api/v1/externalities/{id}/mitigations", null),
            (HttpMethod.Post, "/api/v1/externalities/{id}/mitigations", new { measure = new { es = "X" }, status = "Planned" }),
            (HttpMethod.Put, "/api/v1/externalities/{id}/mitigations/{m}", new { measure = new { es = "X" }, status = "Planned", version = 1 }),
            (HttpMethod.Delete, "/api/v1/externalities/{id}/mitigations/{m}", null),
        };
        foreach (var (method, url, content) in routes)
        {
            var request = new HttpRequestMessage(method, url.Replace("{id}", foreign.Id.ToString()).Replace("{m}", measure.Id.ToString())) { Content = content is null ? null : JsonContent.Create(content) };
            var response = await api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri} answered {(int)response.StatusCode}");
        }
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities?plan={p.Plan}"))!["items"]!.AsArray());

        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        foreach (var url in new[] { $"/solmar/externalities/{foreign.Id}", $"/solmar/externalities/{foreign.Id}/edit", $"/solmar/externalities/{foreign.Id}/mitigations/new", $"/solmar/externalities/{foreign.Id}/mitigations/{measure.Id}/edit" })
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        foreach (var handler in new[] { "Delete", "State", "RemoveMitigation" })
        {
            var post = await admin.PostFormAsync($"/solmar/externalities/{foreign.Id}?handler={handler}", new() { ["version"] = "1", ["state"] = "Concern", ["mitigationId"] = measure.Id.ToString() }, formPage: "/solmar/externalities/new");
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {handler} answered {(int)post.StatusCode}");
        }
        var still = await app.WithDbAsync(db => db.Externalities.AsNoTracking().SingleAsync(x => x.Id == foreign.Id), costaAlta);
        Assert.Null(still.DeletedAt);
        Assert.Equal(ExternalityState.Watch, still.State);
        Assert.Equal(foreign.Version, still.Version);
    }

    [Fact]
    public async Task A_focal_point_reads_but_cannot_record_or_change_an_externality()
    {
        var p = await NewPlansAsync();
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(coordinator, Body(p, NewCode("XP")));
        var id = (string)created["id"]!;

        using var focal = await app.ApiClientAsync(FocalPoint);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/externalities", Body(p, NewCode("XQ")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/externalities/{id}", Body(p, (string)created["code"]!, version: (long)created["version"]!))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/v1/externalities/{id}/mitigations", new { measure = new { es = "X" }, status = "Planned" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync($"/api/v1/externalities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/api/v1/externalities/{id}")).StatusCode);

        using var web = await app.SignInAsync(FocalPoint);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync("/solmar/externalities/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync($"/solmar/externalities/{id}/edit")).StatusCode);
        var details = await web.GetHtmlAsync($"/solmar/externalities/{id}");
        Assert.DoesNotContain("handler=Delete", details);
        Assert.DoesNotContain("handler=State", details);
        var sneaky = await web.PostFormAsync($"/solmar/externalities/{id}?handler=State", new() { ["state"] = "Mitigated", ["version"] = ((long)created["version"]!).ToString() }, formPage: $"/solmar/externalities/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, sneaky.StatusCode);
        Assert.Equal("Watch", (string)(await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/externalities/{id}"))!["state"]!);
    }

    [Fact]
    public async Task A_stale_change_answers_409_with_the_current_values_and_deleting_keeps_measures_and_indicators()
    {
        var p = await NewPlansAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Body(p, NewCode("XS")));
        var id = (string)created["id"]!;
        var code = (string)created["code"]!;
        var version = (long)created["version"]!;

        var first = await api.PutAsJsonAsync($"/api/v1/externalities/{id}", Body(p, code, name: "Primera", version: version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/externalities/{id}", Body(p, code, name: "Segunda", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Primera", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["name"]!["es"]!);
        var staleState = await api.PostAsJsonAsync($"/api/v1/externalities/{id}/state", new { state = "Concern", version });
        Assert.Equal(HttpStatusCode.Conflict, staleState.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync($"/api/v1/externalities/{id}", Body(p, code, name: "Sin versión"))).StatusCode);

        // The form says so and saves nothing.
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var form = await web.PostFormAsync($"/solmar/externalities/{id}/edit", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code, ["Input.Kind"] = "Gentrification", ["Input.Name.Es"] = "Tercera",
            ["Input.State"] = "Watch", ["Input.Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("id=\"conflict\"", await form.Content.ReadAsStringAsync());

        // Measures: a stale change is refused too.
        var m = (await (await api.PostAsJsonAsync($"/api/v1/externalities/{id}/mitigations", new { measure = new { es = "Vivienda asequible" }, status = "Planned" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var mv = (long)m["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/externalities/{id}/mitigations/{m["id"]}", new { measure = new { es = "Vivienda asequible" }, status = "InProgress", version = mv })).StatusCode);
        var staleMeasure = await api.PutAsJsonAsync($"/api/v1/externalities/{id}/mitigations/{m["id"]}", new { measure = new { es = "Otra" }, status = "Dropped", version = mv });
        Assert.Equal(HttpStatusCode.Conflict, staleMeasure.StatusCode);
        Assert.Equal("InProgress", (string)(await staleMeasure.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["status"]!);

        // Deleting: the externality goes to the Trash; its measure stays with it and the watching indicator is kept.
        var indicator = await AddIndicatorAsync(p.Plan, Guid.Parse(id), Direction.LowerIsBetter, 20, 10);
        var now = (long)(await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities/{id}"))!["version"]!;
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/externalities/{id}?version={version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/externalities/{id}?version={now}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/externalities/{id}")).StatusCode);
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities?plan={p.Plan}"))!["items"]!.AsArray(), r => (string)r!["id"]! == id);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        Assert.True(await app.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == indicator && i.ExternalityId == Guid.Parse(id)), solmar));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/trash/Externality/{id}/restore", null)).StatusCode);
        var restored = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/externalities/{id}"))!;
        Assert.Single(restored["mitigations"]!.AsArray());
        Assert.Single(restored["indicators"]!.AsArray());
    }
}

public sealed class ExternalityTestsOnSqlite(SqliteApp app) : ExternalityTests<SqliteApp>(app);
public sealed class ExternalityTestsOnPostgres(PostgresApp app) : ExternalityTests<PostgresApp>(app);
