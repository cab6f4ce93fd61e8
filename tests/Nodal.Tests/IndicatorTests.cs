using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Policy;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Indicators: the API and its targets, the form, the list's lights, the indicator's page, permissions and tenancy, on each database.</summary>
public abstract class IndicatorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private sealed record PlanFixture(Guid OrgId, Guid Plan, Guid Objective1, Guid Objective2, Guid OtherPlan, Guid OtherPlanObjective);

    /// <summary>Plans of its own for each test (the demo holds others): two objectives, and another plan with one objective.</summary>
    private async Task<PlanFixture> NewPlanAsync(string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(async db =>
        {
            var plan = new StrategicPlan { OrganizationId = orgId, Title = new LocalizedText("Plan de indicadores", "Indicator plan", null), StartYear = 2024, EndYear = 2030, Status = PlanStatus.Adopted };
            var other = new StrategicPlan { OrganizationId = orgId, Title = new LocalizedText("Otro plan", null, null), StartYear = 2031, EndYear = 2034 };
            var o1 = new Objective { OrganizationId = orgId, PlanId = plan.Id, Code = "O1", Family = ObjectiveFamily.Projection, Statement = new LocalizedText("Atraer congresos", "Attract congresses", null) };
            var o2 = new Objective { OrganizationId = orgId, PlanId = plan.Id, Code = "O2", Family = ObjectiveFamily.Solidarity, Statement = new LocalizedText("Cooperar con el Sur", "Cooperate with the South", null) };
            var o3 = new Objective { OrganizationId = orgId, PlanId = other.Id, Code = "O9", Family = ObjectiveFamily.Projection, Statement = new LocalizedText("Objetivo de otro plan", null, null) };
            db.Plans.AddRange(plan, other);
            db.Objectives.AddRange(o1, o2, o3);
            await db.SaveChangesAsync();
            return new PlanFixture(orgId, plan.Id, o1.Id, o2.Id, other.Id, o3.Id);
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
        var response = await api.PostAsJsonAsync("/api/v1/indicators", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/indicators answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static object Quantitative(PlanFixture p, Guid dept, string? code = null, string frequency = "Quarterly", string aggregation = "Sum", Guid? objective = null, decimal? baseline = null) => new
    {
        planId = p.Plan, code, name = new { es = "Congresos captados", en = "Congresses won" }, level = "Programmatic", kind = "Quantitative",
        unit = "congresos", decimals = 0, direction = "HigherIsBetter", aggregation, frequency, ownerDepartmentId = dept, objectiveId = objective, baselineValue = baseline,
    };

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["errors"]!.AsObject();
    }

    private static void AssertFields(JsonObject errors, params string[] fields)
    {
        foreach (var field in fields)
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {string.Join(", ", errors.Select(e => e.Key))}");
    }

    private Task AddMeasurementAsync(PlanFixture p, Guid indicator, DateOnly period, decimal? value, MeasurementStatus status, string? text = null) =>
        app.WithDbAsync(async db =>
        {
            db.Measurements.Add(new Measurement { OrganizationId = p.OrgId, IndicatorId = indicator, Period = period, Value = value, Text = text, Status = status });
            return await db.SaveChangesAsync();
        }, p.OrgId);

    [Fact]
    public async Task An_indicator_created_through_the_api_reads_back_with_its_targets_and_appears_in_the_list()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, new
        {
            planId = p.Plan, name = new { es = "Satisfacción de las delegaciones", fr = "Satisfaction des délégations" }, definition = new { es = "Encuesta tras cada visita." },
            level = "Operational", kind = "Qualitative", ratingLevels = new[] { "Baja", "Media", "Alta" }, baselineLevel = "media", baselineDate = "2024-12-31",
            frequency = "Yearly", firstPeriod = "2025", dataSource = "Encuesta propia", ownerDepartmentId = mob, objectiveId = p.Objective1,
            sdgIndicator = "17.17.1", disaggregationName = "Sexo", disaggregationCategories = new[] { "Mujeres", "Hombres", "mujeres" }, graceDays = 45,
        });
        var id = (string)created["id"]!;
        Assert.Matches("^I-[0-9]{3,}$", (string)created["code"]!);
        Assert.Equal(1m, (decimal)created["baselineValue"]!); // "media" is the second level
        Assert.Equal("2025", (string)created["firstPeriod"]!);
        Assert.Equal(["Mujeres", "Hombres"], created["disaggregationCategories"]!.AsArray().Select(x => (string)x!).ToArray());

        var put = await api.PutAsJsonAsync($"/api/v1/indicators/{id}/targets", new
        {
            version = (long)created["version"]!,
            targets = new object[] { new { period = "2026", value = 2 }, new { period = "2025", span = "Yearly", value = 1 } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var targets = (await put.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(["2025", "2026"], targets.Select(t => (string)t!["period"]!).ToArray());
        Assert.Equal("Alta", (string)targets[1]!["display"]!);

        var response = await api.GetAsync($"/api/v1/indicators/{id}");
        var i = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"\"{(long)i["version"]!}\"", response.Headers.ETag!.Tag);
        Assert.True((long)i["version"]! > (long)created["version"]!); // the targets moved the indicator's version
        Assert.Equal(2, i["targets"]!.AsArray().Count);
        Assert.Equal("None", (string)i["progress"]!["light"]!);

        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators?plan={p.Plan}&objective={p.Objective1}"))!;
        var row = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(id, (string)row["id"]!);
        Assert.Equal("MOB", (string)row["ownerDepartmentCode"]!);
        Assert.Equal("objective", (string)row["link"]!["kind"]!);
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators?plan={p.Plan}&level=Territorial"))!["items"]!.AsArray());
        Assert.Single((await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators?plan={p.Plan}&q=d%C3%A9l%C3%A9gations"))!["items"]!.AsArray()); // the French name
    }

    [Fact]
    public async Task An_invalid_indicator_answers_400_naming_the_fields_and_links_stay_in_the_plan()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var errors = await ErrorsAsync(await api.PostAsJsonAsync("/api/v1/indicators", new
        {
            planId = p.Plan, name = new { en = "Only English" }, level = "Programmatic", kind = "Quantitative", decimals = 9, frequency = "Quarterly",
            firstPeriod = "2026-Q5", ownerDepartmentId = mob, sdgIndicator = "11.9.1", graceDays = 400, disaggregationName = "Sexo", disaggregationCategories = new[] { "Mujeres" },
        }));
        AssertFields(errors, "name.es", "decimals", "firstPeriod", "sdgIndicator", "graceDays", "disaggregationCategories");
        Assert.Contains("Introduzca un trimestre como 2026-T1.", errors["firstPeriod"]!.AsArray().Select(e => (string)e!));

        // An objective of another plan is refused; so are two links at once.
        var otherPlan = await ErrorsAsync(await api.PostAsJsonAsync("/api/v1/indicators", Quantitative(p, mob, objective: p.OtherPlanObjective)));
        Assert.Equal("Este objetivo no está en el plan del indicador.", (string)otherPlan["objectiveId"]![0]!);
        var action = await app.WithDbAsync(async db =>
        {
            var a = new PolicyAction { OrganizationId = p.OrgId, PlanId = p.Plan, Code = NewCode("IA"), Title = new LocalizedText("Acción", null, null), Origin = ActionOrigin.Planned, ObjectiveId = p.Objective1, LeadDepartmentId = mob };
            db.Actions.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        }, p.OrgId);
        var two = await ErrorsAsync(await api.PostAsJsonAsync("/api/v1/indicators", new
        {
            planId = p.Plan, name = new { es = "Dos vínculos" }, level = "Operational", kind = "Quantitative", frequency = "Yearly", ownerDepartmentId = mob,
            objectiveId = p.Objective1, actionId = action,
        }));
        AssertFields(two, "actionId");
        Assert.False(two.ContainsKey("objectiveId"));
    }

    [Fact]
    public async Task Once_a_measurement_exists_the_frequency_and_scale_cannot_change_and_the_indicator_cannot_be_deleted()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Quantitative(p, mob, NewCode("IF")));
        var id = Guid.Parse((string)created["id"]!);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Quantitative(p, mob, (string)created["code"]!, frequency: "Monthly")))!.AsObject();
        body["version"] = (long)created["version"]!;

        // Before any measurement, the frequency may change.
        var changed = await api.PutAsJsonAsync($"/api/v1/indicators/{id}", body);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var version = (long)(await changed.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;

        await AddMeasurementAsync(p, id, new DateOnly(2025, 1, 1), 3, MeasurementStatus.Draft);
        body["frequency"] = "Quarterly";
        body["version"] = version;
        var refused = await ErrorsAsync(await api.PutAsJsonAsync($"/api/v1/indicators/{id}", body));
        AssertFields(refused, "frequency");
        body["frequency"] = "Monthly";
        body["kind"] = "Qualitative";
        AssertFields(await ErrorsAsync(await api.PutAsJsonAsync($"/api/v1/indicators/{id}", body)), "kind");
        Assert.Equal(Frequency.Monthly, await app.WithDbAsync(db => db.Indicators.Where(i => i.Id == id).Select(i => i.Frequency).SingleAsync(), p.OrgId));

        var delete = await api.DeleteAsync($"/api/v1/indicators/{id}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Indicators.CountAsync(i => i.Id == id), p.OrgId));

        // The form says it in the user's language, next to the field.
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var form = await web.PostFormAsync($"/solmar/indicators/{id}/edit", new()
        {
            ["Input.Version"] = version.ToString(), ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = (string)created["code"]!, ["Input.Name.Es"] = "Congresos",
            ["Input.Level"] = "Programmatic", ["Input.Kind"] = "Quantitative", ["Input.Frequency"] = "Yearly", ["Input.OwnerDepartmentId"] = mob.ToString(),
        });
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("id=\"Input_Frequency-error\"", html);
        Assert.Contains("Se registraron mediciones con esta frecuencia: ya no puede cambiar.", html);

        // A rating's scale is fixed too.
        var rating = await CreateAsync(api, new
        {
            planId = p.Plan, name = new { es = "Madurez" }, level = "Territorial", kind = "Qualitative", ratingLevels = new[] { "Baja", "Alta" }, frequency = "Yearly", ownerDepartmentId = mob,
        });
        var ratingId = Guid.Parse((string)rating["id"]!);
        await AddMeasurementAsync(p, ratingId, new DateOnly(2025, 1, 1), 1, MeasurementStatus.Validated);
        var scale = await ErrorsAsync(await api.PutAsJsonAsync($"/api/v1/indicators/{ratingId}", new
        {
            planId = p.Plan, code = (string)rating["code"]!, name = new { es = "Madurez" }, level = "Territorial", kind = "Qualitative", ratingLevels = new[] { "Baja", "Media", "Alta" },
            frequency = "Yearly", ownerDepartmentId = mob, version = (long)rating["version"]!,
        }));
        AssertFields(scale, "ratingLevels");
    }

    [Fact]
    public async Task Targets_are_validated_against_the_indicator_and_a_stale_version_answers_409()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Quantitative(p, mob, NewCode("IT")));
        var id = (string)created["id"]!;
        var version = (long)created["version"]!;
        var errors = await ErrorsAsync(await api.PutAsJsonAsync($"/api/v1/indicators/{id}/targets", new
        {
            version,
            targets = new object[]
            {
                new { period = "2026-Q1", value = 10 },
                new { period = "2026-q1", value = 12 },               // the same quarter again
                new { period = "2026-13" },                           // not a quarter, no value
                new { period = "2026-07", span = "Monthly", value = 1 }, // neither the frequency nor a year
                new { period = "2026", span = "Yearly", value = 50 },
            },
        }));
        AssertFields(errors, "targets[1].period", "targets[2].period", "targets[2].value", "targets[3].span");
        Assert.False(errors.ContainsKey("targets[0].period"));
        Assert.False(errors.ContainsKey("targets[4].period"));
        Assert.Equal(0, await app.WithDbAsync(db => db.IndicatorTargets.CountAsync(t => t.IndicatorId == Guid.Parse(id)), p.OrgId));

        var ok = await api.PutAsJsonAsync($"/api/v1/indicators/{id}/targets", new { version, targets = new object[] { new { period = "2026-Q1", value = 10 }, new { period = "2026", span = "Yearly", value = 50 } } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/indicators/{id}/targets", new { version, targets = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!;
        Assert.Equal(2, current["targets"]!.AsArray().Count);

        // A stale change of the indicator itself answers 409 with the current values.
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Quantitative(p, mob, (string)created["code"]!)))!.AsObject();
        body["version"] = version;
        var staleIndicator = await api.PutAsJsonAsync($"/api/v1/indicators/{id}", body);
        Assert.Equal(HttpStatusCode.Conflict, staleIndicator.StatusCode);
        Assert.Equal("Congresos captados", (string)(await staleIndicator.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["name"]!["es"]!);

        // A rating's target is a level of its scale; a free-text indicator's is a text.
        var rating = await CreateAsync(api, new { planId = p.Plan, name = new { es = "Nivel" }, level = "Territorial", kind = "Qualitative", ratingLevels = new[] { "Bajo", "Alto" }, frequency = "Yearly", ownerDepartmentId = mob });
        AssertFields(await ErrorsAsync(await api.PutAsJsonAsync($"/api/v1/indicators/{rating["id"]}/targets", new { version = (long)rating["version"]!, targets = new[] { new { period = "2026", value = 2 } } })), "targets[0].value");
        var text = await CreateAsync(api, new { planId = p.Plan, name = new { es = "Relato" }, level = "Territorial", kind = "Qualitative", frequency = "Yearly", ownerDepartmentId = mob });
        AssertFields(await ErrorsAsync(await api.PutAsJsonAsync($"/api/v1/indicators/{text["id"]}/targets", new { version = (long)text["version"]!, targets = new[] { new { period = "2026", value = 1 } } })), "targets[0].text");

        // The page adds a target, and refuses a duplicate next to the field.
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var current2 = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators/{id}"))!;
        var added = await web.PostFormAsync($"/solmar/indicators/{id}?handler=Target", new()
            { ["version"] = ((long)current2["version"]!).ToString(), ["Target.Span"] = "Quarterly", ["Target.Period"] = "2026-Q2", ["Target.Value"] = "15" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var current3 = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators/{id}"))!;
        Assert.Equal(3, current3["targets"]!.AsArray().Count);
        var duplicate = await web.PostFormAsync($"/solmar/indicators/{id}?handler=Target&culture=en", new()
            { ["version"] = ((long)current3["version"]!).ToString(), ["Target.Span"] = "Quarterly", ["Target.Period"] = "2026-Q2", ["Target.Value"] = "20" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var dupHtml = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Target_Period-error\"", dupHtml);
        Assert.Contains("There is already a target for this period.", dupHtml);
    }

    [Fact]
    public async Task The_form_creates_an_indicator_and_shows_errors_in_spanish_next_to_the_fields()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var before = await app.WithDbAsync(db => db.Indicators.IgnoreQueryFilters().CountAsync());
        var newForm = await web.GetHtmlAsync($"/solmar/indicators/new?plan={p.Plan}&objective={p.Objective1}");
        Assert.Matches("name=\"Input.Code\" type=\"text\" value=\"I-[0-9]{3,}\"", newForm); // the next code is suggested

        var invalid = await web.PostFormAsync("/solmar/indicators/new", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Name.En"] = "No Spanish", ["Input.Kind"] = "Quantitative", ["Input.Frequency"] = "Quarterly",
            ["Input.OwnerDepartmentId"] = mob.ToString(), ["Input.ObjectiveId"] = p.OtherPlanObjective.ToString(), ["Input.SdgIndicator"] = "18.1.1",
            ["Input.Decimals"] = "7", ["Input.FirstPeriod"] = "2026-07",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("id=\"Input_Name_Es-error\"", html);
        Assert.Contains("id=\"Input_Level-error\"", html);
        Assert.Contains("Elija el nivel del indicador.", html);
        Assert.Contains("id=\"Input_ObjectiveId-error\"", html);
        Assert.Contains("Este objetivo no está en el plan del indicador.", html);
        Assert.Contains("id=\"Input_SdgIndicator-error\"", html);
        Assert.Contains("id=\"Input_Decimals-error\"", html);
        Assert.Contains("id=\"Input_FirstPeriod-error\"", html);
        Assert.Contains("value=\"No Spanish\"", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Indicators.IgnoreQueryFilters().CountAsync()));

        var code = NewCode("IW");
        var saved = await web.PostFormAsync("/solmar/indicators/new", new()
        {
            ["Input.PlanId"] = p.Plan.ToString(), ["Input.Code"] = code, ["Input.Name.Es"] = "Nivel de cooperación", ["Input.Definition.Fr"] = "Appréciation annuelle",
            ["Input.Level"] = "Programmatic", ["Input.Kind"] = "Qualitative", ["Input.RatingLevels"] = "Ninguna\r\nBaja\r\nAlta\r\n", ["Input.BaselineLevel"] = "Baja",
            ["Input.Frequency"] = "Yearly", ["Input.FirstPeriod"] = "2025", ["Input.OwnerDepartmentId"] = mob.ToString(), ["Input.ObjectiveId"] = p.Objective2.ToString(),
            ["Input.SdgIndicator"] = "17.9.1", ["Input.GraceDays"] = "60", ["Input.Unit"] = "ignored for a rating",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var i = await app.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(x => x.Code == code), p.OrgId);
        Assert.EndsWith($"/solmar/indicators/{i.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(["Ninguna", "Baja", "Alta"], i.RatingLevels);
        Assert.Equal(1m, i.BaselineValue);
        Assert.Null(i.Unit);
        Assert.Equal(new DateOnly(2025, 1, 1), i.FirstPeriod);
        Assert.Equal(60, i.GraceDays);
        Assert.Equal(p.Objective2, i.ObjectiveId);

        var page = await web.GetHtmlAsync($"/solmar/indicators/{i.Id}");
        Assert.Contains("Nivel de cooperación", page);
        Assert.Contains(Coordinator, page); // the History panel
        var edit = await web.GetHtmlAsync($"/solmar/indicators/{i.Id}/edit");
        Assert.Contains("Ninguna&#xA;Baja&#xA;Alta</textarea>", edit);
        Assert.Contains("<option value=\"Baja\" selected=\"selected\">Baja</option>", edit);
    }

    [Fact]
    public async Task The_list_and_the_objective_page_show_lights_from_validated_measurements_and_the_trend_table_shows_values()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        // Quarterly sum towards 400 congresses in 2025: two validated quarters of 100 = 200 of a pro-rated 200 → 100 %, on track.
        var onTrack = await CreateAsync(api, Quantitative(p, mob, NewCode("IG"), objective: p.Objective1));
        var onTrackId = Guid.Parse((string)onTrack["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/indicators/{onTrackId}/targets", new { version = (long)onTrack["version"]!, targets = new[] { new { period = "2025", span = "Yearly", value = 400 } } })).StatusCode);
        await AddMeasurementAsync(p, onTrackId, new DateOnly(2025, 1, 1), 100, MeasurementStatus.Validated);
        await AddMeasurementAsync(p, onTrackId, new DateOnly(2025, 4, 1), 100, MeasurementStatus.Validated);
        await AddMeasurementAsync(p, onTrackId, new DateOnly(2025, 7, 1), 0, MeasurementStatus.Submitted); // not validated: does not count
        // Yearly last value from a baseline of 20 towards 100: 50 validated → (50−20)/(100−20) = 37.5 %, off track.
        var offTrack = await CreateAsync(api, Quantitative(p, mob, NewCode("IR"), frequency: "Yearly", aggregation: "Last", objective: p.Objective1, baseline: 20));
        var offTrackId = Guid.Parse((string)offTrack["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/indicators/{offTrackId}/targets", new { version = (long)offTrack["version"]!, targets = new[] { new { period = "2025", value = 100 } } })).StatusCode);
        await AddMeasurementAsync(p, offTrackId, new DateOnly(2025, 1, 1), 50, MeasurementStatus.Validated);

        var got = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators/{onTrackId}"))!["progress"]!;
        Assert.Equal((1.0, 200m, 2, 4, "Green"), ((double)got["ratio"]!, (decimal)got["actual"]!, (int)got["periodsMeasured"]!, (int)got["periodsInTarget"]!, (string)got["light"]!));
        Assert.Equal(0.375, (double)(await api.GetFromJsonAsync<JsonObject>($"/api/v1/indicators/{offTrackId}"))!["progress"]!["ratio"]!, 6);

        using var web = await app.SignInAsync(Viewer, language: "en");
        var list = await web.GetHtmlAsync($"/solmar/indicators?plan={p.Plan}&culture=en");
        string Row(Guid id)
        {
            var start = list.IndexOf($"id=\"indicator-{id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no row for {id}");
            return list[start..list.IndexOf("</tr>", start, StringComparison.Ordinal)];
        }
        Assert.Contains("On track", Row(onTrackId));
        Assert.Contains("100 congresos", Row(onTrackId)); // the latest validated value, Q2 (the submitted Q3 does not count)
        Assert.Contains("Off track", Row(offTrackId));
        Assert.Contains("50 congresos", Row(offTrackId));
        Assert.Contains("1 objective of this plan has no indicator", list); // O2
        Assert.DoesNotContain("Add an indicator", list); // a viewer cannot
        using var htmx = new HttpRequestMessage(HttpMethod.Get, $"/solmar/indicators?plan={p.Plan}&level=Programmatic&culture=en");
        htmx.Headers.Add("HX-Request", "true");
        var partial = await web.Http.SendAsync(htmx);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var partialHtml = await partial.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"indicator-list\">", partialHtml.TrimStart()); // htmx gets only the list
        Assert.Contains("2 indicators", partialHtml);

        var page = await web.GetHtmlAsync($"/solmar/indicators/{onTrackId}?culture=en");
        Assert.Contains("The sum of 2 of 4 quarters of 2025 compared with 2/4 of its target", page);
        var table = page[page.IndexOf("id=\"trend-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches(@"Q1 2025</th>\s*<td[^>]*>100 congresos</td>", table);
        Assert.Matches(@"Q3 2025</th>\s*<td[^>]*>—</td>", table); // submitted, not validated
        Assert.Contains("Submitted", table);
        Assert.Matches(@"2025\s*<span class=""govuk-body-s"">\s*\(whole year\)</span>\s*</th>\s*<td[^>]*>200 congresos</td>\s*<td[^>]*>400 congresos</td>\s*<td[^>]*>\s*<strong[^>]*>On track", table);
        Assert.True(table.IndexOf("Q3 2025", StringComparison.Ordinal) < table.IndexOf("(whole year)", StringComparison.Ordinal)); // the year after its quarters
        Assert.Contains("<svg class=\"nodal-chart\" id=\"chart-trend\"", page);
        Assert.DoesNotContain("Enter a measurement", page); // a viewer cannot enter

        var objective = await web.GetHtmlAsync($"/solmar/plans/{p.Plan}/objectives/{p.Objective1}?culture=en");
        Assert.Contains("id=\"objective-indicators\"", objective);
        Assert.Contains((string)onTrack["code"]!, objective);
        Assert.Contains("Off track", objective);
        var without = await web.GetHtmlAsync($"/solmar/plans/{p.Plan}/objectives/{p.Objective2}?culture=en");
        Assert.Contains("an objective without an indicator cannot be evaluated", without);
    }

    [Fact]
    public async Task Focal_points_and_viewers_cannot_create_indicators()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        foreach (var who in new[] { FocalPointMobility, Viewer })
        {
            using var api = await app.ApiClientAsync(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/indicators", Quantitative(p, mob))).StatusCode);
            using var web = await app.SignInAsync(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync("/solmar/indicators/new")).StatusCode);
        }
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(coordinator, Quantitative(p, mob, NewCode("IP")));
        using var focal = await app.ApiClientAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/indicators/{created["id"]}/targets", new { version = (long)created["version"]!, targets = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync($"/api/v1/indicators/{created["id"]}")).StatusCode);
        // The owner department's focal point is offered to enter a measurement on the page.
        using var web2 = await app.SignInAsync(FocalPointMobility);
        Assert.Contains($"/solmar/measurements/new?indicator={created["id"]}", await web2.GetHtmlAsync($"/solmar/indicators/{created["id"]}"));
    }

    [Fact]
    public async Task Every_route_answers_404_for_an_indicator_of_another_organization()
    {
        var p = await NewPlanAsync(Seeder.SecondDemoSlug);
        var dept = await app.WithDbAsync(db => db.Departments.Select(d => d.Id).FirstAsync(), p.OrgId);
        var foreign = await app.WithDbAsync(async db =>
        {
            var i = new Indicator { OrganizationId = p.OrgId, PlanId = p.Plan, Code = NewCode("CA"), Name = new LocalizedText("Indicador de Costa Alta", null, null), Level = IndicatorLevel.Territorial, OwnerDepartmentId = dept };
            db.Indicators.Add(i);
            await db.SaveChangesAsync();
            return i;
        }, p.OrgId);
        using var api = await app.ApiClientAsync(Coordinator);
        var requests = new List<HttpRequestMessage>
        {
            new(HttpMethod.Get, $"/api/v1/indicators/{foreign.Id}"),
            new(HttpMethod.Get, $"/api/v1/indicators/{foreign.Id}/targets"),
            new(HttpMethod.Get, $"/api/v1/indicators/{foreign.Id}/history"),
            new(HttpMethod.Delete, $"/api/v1/indicators/{foreign.Id}"),
            new(HttpMethod.Put, $"/api/v1/indicators/{foreign.Id}") { Content = JsonContent.Create(new { name = new { es = "x" }, version = 1 }) },
            new(HttpMethod.Put, $"/api/v1/indicators/{foreign.Id}/targets") { Content = JsonContent.Create(new { version = 1, targets = Array.Empty<object>() }) },
        };
        foreach (var request in requests)
        {
            var response = await api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}");
        }
        Assert.DoesNotContain(foreign.Code, (await api.GetStringAsync("/api/v1/indicators?pageSize=200")));
        using var web = await app.SignInAsync(TestApp.AdminEmail);
        foreach (var url in new[] { $"/solmar/indicators/{foreign.Id}", $"/solmar/indicators/{foreign.Id}/edit" })
            Assert.True((await web.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        Assert.Equal(HttpStatusCode.NotFound, (await web.PostFormAsync($"/solmar/indicators/{foreign.Id}?handler=Delete", new() { ["version"] = "1" }, formPage: "/solmar/indicators/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.PostFormAsync($"/solmar/indicators/{foreign.Id}?handler=Target", new() { ["Target.Period"] = "2026" }, formPage: "/solmar/indicators/new")).StatusCode);
        var still = await app.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == foreign.Id), p.OrgId);
        Assert.Null(still.DeletedAt);
    }

    [Fact]
    public async Task Deleting_an_indicator_without_measurements_moves_it_and_its_targets_to_the_trash()
    {
        var p = await NewPlanAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var created = await CreateAsync(api, Quantitative(p, mob, NewCode("ID"), frequency: "Yearly"));
        var id = Guid.Parse((string)created["id"]!);
        var put = await api.PutAsJsonAsync($"/api/v1/indicators/{id}/targets", new { version = (long)created["version"]!, targets = new[] { new { period = "2026", value = 5 } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var web = await app.SignInAsync(Coordinator);
        var version = await app.WithDbAsync(db => db.Indicators.Where(i => i.Id == id).Select(i => i.Version).SingleAsync(), p.OrgId);
        var deleted = await web.PostFormAsync($"/solmar/indicators/{id}?handler=Delete", new() { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/indicators/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.IndicatorTargets.CountAsync(t => t.IndicatorId == id), p.OrgId));
    }
}

public sealed class IndicatorTestsOnSqlite(SqliteApp app) : IndicatorTests<SqliteApp>(app);
public sealed class IndicatorTestsOnPostgres(PostgresApp app) : IndicatorTests<PostgresApp>(app);
