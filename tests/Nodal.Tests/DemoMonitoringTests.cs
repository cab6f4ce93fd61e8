using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core.Monitoring;
using Nodal.Data;
using Nodal.Web.Features.Monitoring;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The demo's measurement and evaluation read as of <see cref="DemoPlan.AsOf"/>: indicators at three levels,
/// lights of every colour from the validated measurements alone, this quarter's mix of submitted, returned,
/// draft and missing measurements, an objective with no indicator, externalities and evaluations.
/// </summary>
public abstract class DemoMonitoringTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }

    private async Task<T> WithFactsAsync<T>(Func<NodalDbContext, MonitoringFacts, Guid, Task<T>> work)
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        using var scope = app.App.Services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterAsSystem(orgId);
        var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
        var plan = await db.Plans.Where(p => p.IsCurrent).Select(p => p.Id).SingleAsync();
        return await work(db, new MonitoringFacts(db, tenant, new FixedClock(DemoPlan.AsOf)), plan);
    }

    [Fact]
    public async Task Nine_of_ten_objectives_have_indicators_at_three_levels()
    {
        var (levels, objectivesWithout, total) = await WithFactsAsync(async (db, _, plan) =>
        {
            var indicators = await db.Indicators.Where(i => i.PlanId == plan).ToListAsync();
            var objectives = await db.Objectives.Where(o => o.PlanId == plan).ToListAsync();
            var actions = await db.Actions.Where(a => a.PlanId == plan).ToDictionaryAsync(a => a.Id, a => a.ObjectiveId);
            var covered = indicators.Select(i => i.ObjectiveId ?? (i.ActionId is { } a ? actions[a] : null)).OfType<Guid>().ToHashSet();
            return (indicators.GroupBy(i => i.Level).ToDictionary(g => g.Key, g => g.Count()),
                    objectives.Where(o => !covered.Contains(o.Id)).Select(o => o.Code).ToList(), indicators.Count);
        });
        Assert.Equal(16, total);
        Assert.Equal(8, levels[IndicatorLevel.Territorial]);
        Assert.Equal(4, levels[IndicatorLevel.Programmatic]);
        Assert.Equal(4, levels[IndicatorLevel.Operational]);
        Assert.Equal(["O10"], objectivesWithout);
    }

    [Fact]
    public async Task Lights_come_from_validated_measurements_on_the_latest_assessed_target()
    {
        var progress = await WithFactsAsync((_, facts, plan) => facts.ProgressAsync(plan));
        var by = progress.ToDictionary(p => p.Code);
        // I-001 yearly, last value: 2025 is the latest measured year (2026 is due in January 2027).
        // Baseline 21,400, target 24,800, value 21,400 + 3,400 × 0.93 = 24,562 → 3,162 / 3,400 = 0.93.
        Assert.Equal(new DateOnly(2025, 1, 1), by["I-001"].Progress.TargetPeriod);
        Assert.Equal(24_562m, by["I-001"].Progress.Actual);
        Assert.Equal(0.93, by["I-001"].Progress.Ratio!.Value, 6);
        Assert.Equal(Light.Green, by["I-001"].Progress.Light);
        // I-003: 31 + (36 − 31) × 0.45 = 33.25 → 33.3 with one decimal; (33.3 − 31) / 5 = 0.46 → red.
        Assert.Equal(33.3m, by["I-003"].Progress.Actual);
        Assert.Equal(Light.Red, by["I-003"].Progress.Light);
        // I-009: 12 + 24 × 0.79 = 30.96 → 31; (31 − 12) / 24 = 0.79… → amber.
        Assert.Equal(Light.Amber, by["I-009"].Progress.Light);
        // I-014 rent, lower is better, target above the baseline: 12.4 + 0.8 × 3 = 14.80 > 13.20 → not met.
        Assert.Equal(14.8m, by["I-014"].Progress.Actual);
        Assert.Equal(0, by["I-014"].Progress.Ratio);
        // I-006 started in Q3 2026 and nothing is measured yet.
        Assert.Equal(Light.None, by["I-006"].Progress.Light);
        // I-002 quarterly sum: Q3 2026 is only submitted, so 2026 counts Q1 and Q2 (2 of 4 quarters).
        Assert.Equal(2, by["I-002"].Progress.PeriodsMeasured);
        Assert.Equal(4, by["I-002"].Progress.PeriodsInTarget);
    }

    [Fact]
    public async Task The_quarter_just_due_has_work_for_every_role()
    {
        var (late, statuses) = await WithFactsAsync(async (db, facts, plan) =>
        {
            var late = await facts.LateAsync(plan);
            var statuses = await db.Measurements.GroupBy(m => m.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
            return (late, statuses);
        });
        // Missing: I-006 Q3 2026 and I-016 September 2026; returned: I-008 Q3; draft: I-010 Q3.
        Assert.Equal(["I-006 2026-Q3", "I-008 2026-Q3", "I-010 2026-Q3", "I-016 2026-09"],
            late.Select(l => $"{l.IndicatorCode} {Periods.Key(l.Period, l.Frequency)}").Order());
        // Q3 ended on 30 September; due 30 days later, on 30 October: 25 days late on 24 November.
        Assert.Equal(25, late.Single(l => l.IndicatorCode == "I-006").DaysLate);
        Assert.Equal(2, statuses[MeasurementStatus.Submitted]);
        Assert.Equal(1, statuses[MeasurementStatus.Returned]);
        Assert.Equal(1, statuses[MeasurementStatus.Draft]);
        Assert.True(statuses[MeasurementStatus.Validated] > 150);
    }

    [Fact]
    public async Task Externalities_and_evaluations_read_as_an_office_would_keep_them()
    {
        var (externalities, evaluations) = await WithFactsAsync(async (db, _, _) =>
            (await db.Externalities.OrderBy(x => x.Code).Select(x => new
            {
                x.Code, x.State,
                Indicators = db.Indicators.Count(i => i.ExternalityId == x.Id),
                Mitigations = db.Mitigations.Count(m => m.ExternalityId == x.Id),
            }).ToListAsync(),
             await db.Evaluations.OrderBy(e => e.Code).Select(e => new
             {
                 e.Code, e.Kind, e.IsGoodPractice,
                 Recommendations = db.Recommendations.Where(r => r.EvaluationId == e.Id).Select(r => r.Status).ToList(),
             }).ToListAsync()));
        Assert.Equal(["X-01", "X-02", "X-03", "X-04"], externalities.Select(x => x.Code));
        // The labour-market one is only watched: no indicator, no mitigation yet.
        Assert.Equal((0, 0), (externalities[3].Indicators, externalities[3].Mitigations));
        Assert.All(externalities.Take(3), x => Assert.True(x.Indicators == 1 && x.Mitigations >= 1));
        Assert.Equal(2, evaluations.Count(e => e.IsGoodPractice));
        Assert.Equal([EvaluationKind.Process, EvaluationKind.Impact, EvaluationKind.Systematization, EvaluationKind.Systematization], evaluations.Select(e => e.Kind));
        Assert.Equal(
            [RecommendationStatus.Done, RecommendationStatus.InProgress, RecommendationStatus.Accepted, RecommendationStatus.Proposed, RecommendationStatus.Rejected],
            evaluations[0].Recommendations.Order().Select(s => s).OrderBy(s => s switch
            {
                RecommendationStatus.Done => 0, RecommendationStatus.InProgress => 1, RecommendationStatus.Accepted => 2, RecommendationStatus.Proposed => 3, _ => 4,
            }));
    }

    [Fact]
    public async Task Costa_Alta_measures_nothing_yet()
    {
        var orgId = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        Assert.Equal(0, await app.WithDbAsync(db => db.Indicators.CountAsync(), orgId));
        Assert.Equal(0, await app.WithDbAsync(db => db.Evaluations.CountAsync(), orgId));
    }
}

public sealed class DemoMonitoringTestsOnSqlite(SqliteApp app) : DemoMonitoringTests<SqliteApp>(app);
public sealed class DemoMonitoringTestsOnPostgres(PostgresApp app) : DemoMonitoringTests<PostgresApp>(app);
