using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Policy;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The dashboards on a plan of their own (the demo has its own indicators): worked examples computed by hand,
/// filters, the as-of period, late measurements, fresh figures after a save, the department's view, tenants.
/// </summary>
public abstract class DashboardTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";

    /// <summary>
    /// Plan 2024–2027 with axes X, Y and objectives:
    /// O1 (Projection, axis Y): I1 (target 2024 = 100, 2024 = 100 → 1; target 2025 = 200, 2025 = 100 → 0.5) and I2 (target 100, 2024 = 50 → 0.5);
    /// O2 (Exchange): I3 linked to action A1 under O2 (target 10, 2024 = 10 → 1);
    /// O3 (Solidarity): no indicator;
    /// O4 (Reciprocity): I4 quarterly sum, yearly target 2024 = 400, Q1 = Q2 = 100 → pro-rated 200 / 200 → 1.
    /// I5 (CUL, yearly from 2024) has no measurement. Actions: A1 (O2, MOB, axis X; 2024: 100 / 40, 2025: 50 / 0),
    /// A2 (O1, AMB; 2024: 200 / 150), A3 reactive (MOB; 30 USD), A4 cancelled (MOB; 999).
    /// </summary>
    private sealed record Example(Guid Plan, Guid O1, Guid O2, Guid O3, Guid O4, Guid I1, Guid I2, Guid I3, Guid I4, Guid I5, Guid A2Budget, Guid Mob, Guid Amb, Guid Cul, Guid AxisX, Guid AxisY, string Code);

    private async Task<Example> ExampleAsync()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var code = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        return await app.WithDbAsync(async db =>
        {
            var dept = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            var plan = new StrategicPlan { Title = new LocalizedText($"Plan de tablero {code}", null, null), StartYear = 2024, EndYear = 2027 };
            var x = new Axis { PlanId = plan.Id, Kind = AxisKind.Thematic, Name = new("Eje X", null, null), Priority = 1 };
            var y = new Axis { PlanId = plan.Id, Kind = AxisKind.Thematic, Name = new("Eje Y", null, null), Priority = 2 };
            Objective Obj(string c, ObjectiveFamily f, params Guid[] axes) => new() { PlanId = plan.Id, Code = c, Family = f, Statement = new($"Objetivo {c}", null, null), AxisIds = [.. axes], SdgTargets = c == "O1" ? ["11.2"] : [] };
            var o1 = Obj("O1", ObjectiveFamily.Projection, y.Id);
            var o2 = Obj("O2", ObjectiveFamily.Exchange);
            var o3 = Obj("O3", ObjectiveFamily.Solidarity);
            var o4 = Obj("O4", ObjectiveFamily.Reciprocity);
            db.AddRange(plan, x, y, o1, o2, o3, o4);
            PolicyAction Act(string c, Objective? o, string lead, ActionStatus status, params Guid[] axes)
            {
                var a = new PolicyAction
                {
                    PlanId = plan.Id, Code = $"D{code}-{c}", Title = new(c, null, null), Origin = o is null ? ActionOrigin.Reactive : ActionOrigin.Planned, ObjectiveId = o?.Id,
                    RequestedBy = o is null ? "Embajada" : null, RequestedOn = o is null ? new DateOnly(2024, 3, 1) : null, Modality = Modality.TechnicalExchange,
                    LeadDepartmentId = dept[lead], Status = status, Start = new DateOnly(2024, 1, 1), AxisIds = [.. axes],
                };
                db.Add(a);
                return a;
            }
            var a1 = Act("A1", o2, "MOB", ActionStatus.InProgress, x.Id);
            var a2 = Act("A2", o1, "AMB", ActionStatus.InProgress);
            var a3 = Act("A3", null, "MOB", ActionStatus.InProgress);
            var a4 = Act("A4", o2, "MOB", ActionStatus.Cancelled);
            db.Add(new ActionBudget { ActionId = a1.Id, Year = 2024, Planned = 100, Spent = 40, Currency = "EUR" });
            db.Add(new ActionBudget { ActionId = a1.Id, Year = 2025, Planned = 50, Spent = 0, Currency = "EUR" });
            var a2Budget = new ActionBudget { ActionId = a2.Id, Year = 2024, Planned = 200, Spent = 150, Currency = "EUR" };
            db.Add(a2Budget);
            db.Add(new ActionBudget { ActionId = a3.Id, Year = 2024, Planned = 30, Spent = 30, Currency = "USD" });
            db.Add(new ActionBudget { ActionId = a4.Id, Year = 2024, Planned = 999, Spent = 999, Currency = "EUR" });

            Indicator Ind(string c, string owner, Frequency f = Frequency.Yearly, Aggregation agg = Aggregation.Last, Guid? objective = null, Guid? action = null, string? sdg = null)
            {
                var i = new Indicator
                {
                    PlanId = plan.Id, Code = $"D{code}-{c}", Name = new($"Indicador {c}", null, null), Level = IndicatorLevel.Programmatic, Unit = "u",
                    Frequency = f, Aggregation = agg, OwnerDepartmentId = dept[owner], ObjectiveId = objective, ActionId = action, SdgIndicator = sdg,
                };
                db.Add(i);
                return i;
            }
            void Target(Indicator i, int year, decimal v) => db.Add(new IndicatorTarget { IndicatorId = i.Id, Period = new DateOnly(year, 1, 1), Span = Frequency.Yearly, Value = v });
            void Measure(Indicator i, DateOnly period, decimal v, MeasurementStatus s = MeasurementStatus.Validated) =>
                db.Add(new Measurement { IndicatorId = i.Id, Period = period, Value = v, Status = s });
            var i1 = Ind("I1", "MOB", objective: o1.Id, sdg: "11.2.1");
            Target(i1, 2024, 100); Target(i1, 2025, 200);
            Measure(i1, new(2024, 1, 1), 100); Measure(i1, new(2025, 1, 1), 100);
            var i2 = Ind("I2", "AMB", objective: o1.Id, sdg: "11.6.2");
            Target(i2, 2024, 100);
            Measure(i2, new(2024, 1, 1), 50, MeasurementStatus.Submitted);
            var i3 = Ind("I3", "MOB", action: a1.Id);
            Target(i3, 2024, 10);
            Measure(i3, new(2024, 1, 1), 10);
            var i4 = Ind("I4", "AMB", Frequency.Quarterly, Aggregation.Sum, objective: o4.Id);
            Target(i4, 2024, 400);
            Measure(i4, new(2024, 1, 1), 100); Measure(i4, new(2024, 4, 1), 100);
            var i5 = Ind("I5", "CUL");
            i5.FirstPeriod = new DateOnly(2024, 1, 1);
            await db.SaveChangesAsync();
            return new Example(plan.Id, o1.Id, o2.Id, o3.Id, o4.Id, i1.Id, i2.Id, i3.Id, i4.Id, i5.Id, a2Budget.Id, dept["MOB"], dept["AMB"], dept["CUL"], x.Id, y.Id, code);
        }, solmar);
    }

    private static JsonObject Objective(JsonObject d, Guid id) => d["objectives"]!.AsArray().Single(o => (Guid)o!["id"]! == id)!.AsObject();
    private static JsonObject Indicator(JsonObject d, Guid id) => d["indicators"]!.AsArray().Single(o => (Guid)o!["id"]! == id)!.AsObject();

    private static async Task<JsonObject> GetAsync(HttpClient api, string url)
    {
        var r = await api.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private Task Validate(Guid indicator, decimal? value = null) => app.WithDbAsync(async db =>
    {
        var m = await db.Measurements.SingleAsync(m => m.IndicatorId == indicator);
        m.Status = MeasurementStatus.Validated;
        if (value is { } v) m.Value = v;
        await db.SaveChangesAsync();
        return 0;
    }, app.OrgIdAsync(Seeder.DemoSlug).Result);

    [Fact]
    public async Task Objectives_lights_match_a_hand_computed_example_and_change_as_soon_as_a_measurement_is_validated()
    {
        var e = await ExampleAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var d = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard?asOf=2024");
        Assert.Equal("2024-12-31", (string)d["asOf"]!);

        // O1 as of 2024: I1 on target (1), I2 only submitted → 1 of 2 judged, green.
        var o1 = Objective(d, e.O1);
        Assert.Equal(2, (int)o1["indicators"]!);
        Assert.Equal(1, (int)o1["judged"]!);
        Assert.Equal("Green", (string)o1["light"]!);
        // O2: I3 is linked to action A1, which sits under O2.
        var o2 = Objective(d, e.O2);
        Assert.Equal(1, (int)o2["indicators"]!);
        Assert.Equal(1.0, (double)o2["ratio"]!, 6);
        // O3 has none.
        Assert.Equal(0, (int)Objective(d, e.O3)["indicators"]!);
        Assert.Equal("None", (string)Objective(d, e.O3)["light"]!);
        // O4: I4 sums two of four quarters: 200 against 400 × 2/4 = 200 → 1.
        var i4 = Indicator(d, e.I4);
        Assert.Equal(200m, (decimal)i4["actual"]!);
        Assert.Equal(2, (int)i4["periodsMeasured"]!);
        Assert.Equal(4, (int)i4["periodsInTarget"]!);
        Assert.Equal(1.0, (double)i4["ratio"]!, 6);
        Assert.Equal("Green", (string)Objective(d, e.O4)["light"]!);

        // I2's 50 is validated: O1 = mean(1, 0.5) = 0.75 → amber, on the very next request.
        await Validate(e.I2);
        d = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard?asOf=2024");
        o1 = Objective(d, e.O1);
        Assert.Equal(2, (int)o1["judged"]!);
        Assert.Equal(0.75, (double)o1["ratio"]!, 6);
        Assert.Equal("Amber", (string)o1["light"]!);

        // Today the 2025 target counts for I1: 100 against 200 → 0.5; O1 = 0.5 → red.
        d = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard");
        Assert.Equal(0.5, (double)Indicator(d, e.I1)["ratio"]!, 6);
        Assert.Equal("Red", (string)Objective(d, e.O1)["light"]!);

        // The page says it in words, grouped by family, and says which objective has no indicator.
        using var web = await app.SignInAsync(Coordinator); // Ana reads Nodal in Spanish
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{e.Plan}/dashboard?asOf=2024");
        Assert.Contains($"id=\"objective-{e.O1}\"", html);
        Assert.Contains("Requiere atención", html);
        Assert.Contains("2 de 2", html);
        Assert.Contains("Ningún indicador mide aún este objetivo.", html);
        Assert.Contains("id=\"objectives-projection\"", html);
        Assert.Contains($"id=\"table-trend-{e.I1}\"", html);
        Assert.Contains("<svg class=\"nodal-trend\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=\"", html);
    }

    [Fact]
    public async Task Budget_by_axis_department_and_year_equals_the_hand_sums_and_follows_the_filters_and_every_save()
    {
        var e = await ExampleAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var b = (await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard"))["budget"]!.AsObject();
        // A1 100 + 50, A2 200 (A3 in USD left out, A4 cancelled).
        Assert.Equal(350m, (decimal)b["planned"]!);
        Assert.Equal(190m, (decimal)b["spent"]!);
        Assert.Equal(1, (int)b["skippedLines"]!);
        decimal Row(JsonObject budget, string list, string key, string field) => (decimal)budget[list]!.AsArray().Single(r => (string)r!["key"]! == key)![field]!;
        Assert.Equal(300m, Row(b, "byYear", "2024", "planned"));
        Assert.Equal(190m, Row(b, "byYear", "2024", "spent"));
        Assert.Equal(50m, Row(b, "byYear", "2025", "planned"));
        Assert.Equal(150m, Row(b, "byDepartment", e.Mob.ToString(), "planned"));
        Assert.Equal(200m, Row(b, "byDepartment", e.Amb.ToString(), "planned"));
        Assert.Equal(150m, Row(b, "byAxis", e.AxisX.ToString(), "planned")); // A1's own axis
        Assert.Equal(200m, Row(b, "byAxis", e.AxisY.ToString(), "planned")); // A2 through O1's axis

        // Filters: a department, a family, an axis.
        var mob = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard?department={e.Mob}");
        Assert.Equal(150m, (decimal)mob["budget"]!["planned"]!);
        Assert.DoesNotContain(mob["indicators"]!.AsArray(), i => (Guid)i!["id"]! == e.I2);
        Assert.Contains(mob["indicators"]!.AsArray(), i => (Guid)i!["id"]! == e.I1);
        var projection = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard?family=Projection");
        Assert.Equal(200m, (decimal)projection["budget"]!["planned"]!);
        Assert.Equal([e.O1], projection["objectives"]!.AsArray().Select(o => (Guid)o!["id"]!));
        var axisX = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard?axis={e.AxisX}");
        Assert.Equal(150m, (decimal)axisX["budget"]!["planned"]!);
        Assert.Equal([e.I3], axisX["indicators"]!.AsArray().Select(i => (Guid)i!["id"]!));

        // A saved budget line shows on the next request, in the budget and in the cached policy figures.
        var before = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard");
        Assert.Equal(350m, (decimal)before["policy"]!["planned"]!["plannedBudget"]!);
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        await app.WithDbAsync(async db =>
        {
            (await db.Budgets.SingleAsync(x => x.Id == e.A2Budget)).Planned = 260;
            await db.SaveChangesAsync();
            return 0;
        }, solmar);
        var after = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard");
        Assert.Equal(410m, (decimal)after["budget"]!["planned"]!);
        Assert.Equal(410m, (decimal)after["policy"]!["planned"]!["plannedBudget"]!);
        // A deleted budget line too (soft-deleted: it goes to the Trash).
        await app.WithDbAsync(async db =>
        {
            db.Budgets.Remove(await db.Budgets.SingleAsync(x => x.Id == e.A2Budget));
            await db.SaveChangesAsync();
            return 0;
        }, solmar);
        var deleted = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard");
        Assert.Equal(150m, (decimal)deleted["budget"]!["planned"]!);
        Assert.Equal(150m, (decimal)deleted["policy"]!["planned"]!["plannedBudget"]!);

        // The page draws it with tables beside the charts.
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{e.Plan}/dashboard?department={e.Mob}");
        Assert.Contains("id=\"chart-budget-year\"", html);
        Assert.Contains("id=\"table-budget-year\"", html);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">2024</th>", html);
    }

    [Fact]
    public async Task Late_measurements_are_counted_per_department_as_of_a_period()
    {
        var e = await ExampleAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        // As of 30 June 2025: I5 (CUL) owes 2024; I4 (AMB, quarterly) owes 2024-Q3, 2024-Q4, 2025-Q1; I2's 2024 is submitted.
        var d = await GetAsync(api, $"/api/v1/plans/{e.Plan}/dashboard?asOf=2025-Q2");
        Assert.Equal("2025-06-30", (string)d["asOf"]!);
        var late = d["late"]!.AsObject();
        Assert.Equal(4, (int)late["total"]!);
        var byDept = late["byDepartment"]!.AsArray().ToDictionary(x => (Guid)x!["departmentId"]!, x => (int)x!["count"]!);
        Assert.Equal(3, byDept[e.Amb]);
        Assert.Equal(1, byDept[e.Cul]);
        Assert.False(byDept.ContainsKey(e.Mob));
        // The oldest: I4's 2024-Q3, due 30 October 2024.
        Assert.Equal(e.I4, (Guid)late["oldest"]![0]!["indicatorId"]!);
        Assert.Equal("2024-07-01", (string)late["oldest"]![0]!["period"]!);

        var bad = await api.GetAsync($"/api/v1/plans/{e.Plan}/dashboard?asOf=mañana");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("asOf", await bad.Content.ReadAsStringAsync());

        using var web = await app.SignInAsync(Coordinator, language: "es");
        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{e.Plan}/dashboard?asOf=2025-Q2");
        Assert.Contains("4 mediciones han vencido sin enviarse.", html);
        Assert.Contains($"/{Seeder.DemoSlug}/measurements/new?indicator={e.I5}&amp;period=2024", html);
        var wrong = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/plans/{e.Plan}/dashboard?asOf=mañana");
        Assert.Contains("Indique un año (2026) o un trimestre (2026-T2).", wrong);
    }

    [Fact]
    public async Task A_department_sees_only_its_own_indicators_dues_and_actions()
    {
        var e = await ExampleAsync();
        using var web = await app.SignInAsync("ines.cultura@solmar.example", language: "en");
        var mine = await web.GetAsync($"/{Seeder.DemoSlug}/dashboard?mine=1");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Equal($"/{Seeder.DemoSlug}/departments/{e.Cul}/dashboard", mine.Headers.Location!.ToString());

        var html = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/departments/{e.Cul}/dashboard?plan={e.Plan}");
        Assert.Contains($"D{e.Code}-I5", html);
        Assert.DoesNotContain($"D{e.Code}-I1", html);
        Assert.Contains($"/{Seeder.DemoSlug}/measurements/new?indicator={e.I5}&amp;period=2024", html);

        var mob = await web.GetHtmlAsync($"/{Seeder.DemoSlug}/departments/{e.Mob}/dashboard?plan={e.Plan}");
        Assert.Contains($"D{e.Code}-I1", mob);
        Assert.Contains($"D{e.Code}-I3", mob);
        Assert.DoesNotContain($"D{e.Code}-I5", mob);
        Assert.DoesNotContain($"D{e.Code}-I2", mob);
        Assert.Contains("id=\"figure-actions\">2</dd>", mob); // A1, A3; A4 is cancelled
    }

    [Fact]
    public async Task Another_organizations_plan_or_department_answers_404()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var (plan, dept) = await app.WithDbAsync(async db =>
        {
            var p = new StrategicPlan { OrganizationId = costaAlta, Title = new LocalizedText("Plan de Costa Alta", null, null), StartYear = 2025, EndYear = 2028 };
            db.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, await db.Departments.Select(d => d.Id).FirstAsync());
        }, costaAlta);
        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plans/{plan}/dashboard")).StatusCode);
        using var web = await app.SignInAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/{Seeder.DemoSlug}/plans/{plan}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/{Seeder.DemoSlug}/departments/{dept}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task The_demo_dashboards_render_and_the_current_plan_is_found()
    {
        using var web = await app.SignInAsync(Coordinator);
        var go = await web.GetAsync($"/{Seeder.DemoSlug}/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, go.StatusCode);
        var html = await web.GetHtmlAsync(go.Headers.Location!.ToString());
        Assert.Contains("Avance de los objetivos", html);
        Assert.Contains("nodal-print-hint", html);
    }
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests<SqliteApp>(app);
public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests<PostgresApp>(app);
