using System.Globalization;
using Nodal.Core.Monitoring;

namespace Nodal.Tests;

/// <summary>
/// Periods, aggregation over periods, progress to target and traffic lights, each against a worked example
/// computed by hand in the comments. Pure functions: no database.
/// </summary>
public sealed class ProgressTests
{
    private const double Precision = 1e-9;
    private static readonly Guid I = Guid.Parse("00000000-0000-0000-0000-00000000b001");

    private static DateOnly D(int y, int m, int d = 1) => new(y, m, d);

    private static IndicatorFacts Facts(Aggregation aggregation, Frequency frequency, decimal? baseline, Direction direction = Direction.HigherIsBetter) =>
        new(I, direction, aggregation, frequency, baseline);

    // ---- periods ----

    [Theory]
    [InlineData(2026, 8, 15, Frequency.Monthly, "2026-08")]
    [InlineData(2026, 8, 15, Frequency.Quarterly, "2026-Q3")]
    [InlineData(2026, 8, 15, Frequency.Yearly, "2026")]
    [InlineData(2026, 12, 31, Frequency.Quarterly, "2026-Q4")]
    [InlineData(2026, 1, 1, Frequency.Quarterly, "2026-Q1")]
    public void A_day_falls_in_one_period_of_each_frequency(int y, int m, int d, Frequency f, string key)
    {
        var start = Periods.StartOf(D(y, m, d), f);
        Assert.Equal(key, Periods.Key(start, f));
        Assert.True(Periods.TryParse(key, f, out var parsed));
        Assert.Equal(start, parsed);
    }

    [Theory]
    [InlineData("2026-T3", Frequency.Quarterly, 2026, 7)]   // Spanish and French write T for trimestre
    [InlineData(" 2026-q4 ", Frequency.Quarterly, 2026, 10)]
    [InlineData("2026-08-15", Frequency.Quarterly, 2026, 7)] // a day inside the period
    [InlineData("2026-02", Frequency.Monthly, 2026, 2)]
    public void Keys_are_read_as_people_write_them(string text, Frequency f, int y, int m)
    {
        Assert.True(Periods.TryParse(text, f, out var start));
        Assert.Equal(D(y, m), start);
    }

    [Theory]
    [InlineData("2026-Q5", Frequency.Quarterly)]
    [InlineData("2026-Q3", Frequency.Monthly)]
    [InlineData("2026-13", Frequency.Monthly)]
    [InlineData("26", Frequency.Yearly)]
    [InlineData("", Frequency.Yearly)]
    [InlineData("Q3 2026", Frequency.Quarterly)]
    public void Wrong_keys_are_refused(string text, Frequency f) => Assert.False(Periods.TryParse(text, f, out _));

    [Fact]
    public void A_quarter_is_due_its_grace_days_after_it_ends()
    {
        // Q1 2026 ends on 31 March; 30 days later is 30 April.
        Assert.Equal(D(2026, 3, 31), Periods.EndOf(D(2026, 1), Frequency.Quarterly));
        Assert.Equal(D(2026, 4, 30), Periods.DueOn(D(2026, 1), Frequency.Quarterly, 30));
        // On 30 April 2026, Q4 2025 and Q1 2026 are due; Q2 is not.
        Assert.Equal([D(2025, 10), D(2026, 1)], Periods.DueBy(D(2025, 10), D(2026, 4, 30), Frequency.Quarterly, 30).ToList());
        Assert.Equal([D(2025, 10)], Periods.DueBy(D(2025, 10), D(2026, 4, 29), Frequency.Quarterly, 30).ToList());
    }

    [Fact]
    public void A_year_holds_four_quarters_and_twelve_months()
    {
        Assert.Equal(4, Periods.Within(D(2026, 1), Frequency.Yearly, Frequency.Quarterly).Count);
        Assert.Equal(12, Periods.Within(D(2026, 1), Frequency.Yearly, Frequency.Monthly).Count);
        Assert.Equal([D(2026, 7)], Periods.Within(D(2026, 7), Frequency.Quarterly, Frequency.Quarterly));
        Assert.True(Periods.InSpan(D(2026, 11), D(2026, 1), Frequency.Yearly));
        Assert.False(Periods.InSpan(D(2027, 1), D(2026, 1), Frequency.Yearly));
    }

    [Fact]
    public void Periods_read_in_each_language()
    {
        Assert.Equal("T3 2026", Periods.Label(D(2026, 7), Frequency.Quarterly, new CultureInfo("es")));
        Assert.Equal("Q3 2026", Periods.Label(D(2026, 7), Frequency.Quarterly, new CultureInfo("en")));
        Assert.Equal("T3 2026", Periods.Label(D(2026, 7), Frequency.Quarterly, new CultureInfo("fr")));
        Assert.Equal("Julio de 2026", Periods.Label(D(2026, 7), Frequency.Monthly, new CultureInfo("es")));
        Assert.Equal("Juillet 2026", Periods.Label(D(2026, 7), Frequency.Monthly, new CultureInfo("fr")));
    }

    // ---- aggregation ----

    [Fact]
    public void Aggregation_over_periods_sums_averages_or_keeps_the_last()
    {
        ValueFacts[] quarters = [new(D(2026, 4), 30), new(D(2026, 1), 10), new(D(2026, 7), 20)];
        Assert.Equal(60m, Progress.Aggregate(quarters, Aggregation.Sum));      // 10 + 30 + 20
        Assert.Equal(20m, Progress.Aggregate(quarters, Aggregation.Average));  // 60 / 3
        Assert.Equal(20m, Progress.Aggregate(quarters, Aggregation.Last));     // July is the latest, not the last listed
        Assert.Null(Progress.Aggregate([], Aggregation.Sum));
    }

    // ---- progress and lights ----

    [Fact]
    public void Progress_is_the_share_of_the_way_from_baseline_to_target()
    {
        // Baseline 40, target 60, actual 55: (55 − 40) / (60 − 40) = 0.75 → amber.
        var p = Progress.Compute(Facts(Aggregation.Last, Frequency.Yearly, 40), [new(D(2026, 1), Frequency.Yearly, 60)], [new(D(2026, 1), 55)], D(2026, 12, 31));
        Assert.Equal(0.75, p.Ratio!.Value, Precision);
        Assert.Equal(Light.Amber, p.Light);
        Assert.Equal(55m, p.Actual);
        Assert.Equal(60m, p.Target);
    }

    [Fact]
    public void Lower_is_better_mirrors_the_way()
    {
        // CO₂ tonnes: baseline 100, target 80, actual 85: (100 − 85) / (100 − 80) = 0.75.
        Assert.Equal(0.75, Progress.Ratio(Direction.LowerIsBetter, 100, 80, 85)!.Value, Precision);
        // Worse than the baseline is negative: (100 − 110) / 20 = −0.5 → red.
        Assert.Equal(-0.5, Progress.Ratio(Direction.LowerIsBetter, 100, 80, 110)!.Value, Precision);
        Assert.Equal(Light.Red, Progress.LightOf(-0.5));
        // Without a baseline: target / actual = 80 / 100 = 0.8.
        Assert.Equal(0.8, Progress.Ratio(Direction.LowerIsBetter, null, 80, 100)!.Value, Precision);
        Assert.Equal(1, Progress.Ratio(Direction.LowerIsBetter, null, 80, 0)!.Value, Precision);
    }

    [Fact]
    public void Without_a_baseline_progress_is_actual_over_target()
    {
        // 45 of 50 = 0.9 → green (the threshold itself is green).
        var ratio = Progress.Ratio(Direction.HigherIsBetter, null, 50, 45);
        Assert.Equal(0.9, ratio!.Value, Precision);
        Assert.Equal(Light.Green, Progress.LightOf(ratio));
        Assert.Equal(Light.Amber, Progress.LightOf(0.6));
        Assert.Equal(Light.Red, Progress.LightOf(0.5999));
        Assert.Equal(Light.None, Progress.LightOf(null));
    }

    [Fact]
    public void A_target_no_better_than_the_baseline_is_met_or_not()
    {
        // Keep at least 12 twinnings when there are 12: met with 12, not met with 11.
        Assert.Equal(1, Progress.Ratio(Direction.HigherIsBetter, 12, 12, 12));
        Assert.Equal(0, Progress.Ratio(Direction.HigherIsBetter, 12, 12, 11));
    }

    [Fact]
    public void A_sum_over_part_of_the_year_is_compared_with_the_same_part_of_the_target()
    {
        // Delegations received, quarterly, summed over the year; baseline 40 a year, target 80 a year.
        // Two quarters measured (15 + 17 = 32): baseline and target pro-rated by 2/4 → 20 and 40;
        // (32 − 20) / (40 − 20) = 0.6 → amber.
        var facts = Facts(Aggregation.Sum, Frequency.Quarterly, 40);
        var p = Progress.Compute(facts, [new(D(2026, 1), Frequency.Yearly, 80)], [new(D(2026, 1), 15), new(D(2026, 4), 17)], D(2026, 11, 24));
        Assert.Equal(32m, p.Actual);
        Assert.Equal(2, p.PeriodsMeasured);
        Assert.Equal(4, p.PeriodsInTarget);
        Assert.Equal(0.6, p.Ratio!.Value, Precision);
        Assert.Equal(Light.Amber, p.Light);
    }

    [Fact]
    public void An_average_is_not_pro_rated()
    {
        // Satisfaction, quarterly, averaged; target 8 for the year, no baseline; Q1 7, Q2 8 → 7.5 / 8 = 0.9375.
        var p = Progress.Compute(Facts(Aggregation.Average, Frequency.Quarterly, null), [new(D(2026, 1), Frequency.Yearly, 8)], [new(D(2026, 1), 7), new(D(2026, 4), 8)], D(2026, 12, 31));
        Assert.Equal(7.5m, p.Actual);
        Assert.Equal(0.9375, p.Ratio!.Value, Precision);
        Assert.Equal(Light.Green, p.Light);
    }

    [Fact]
    public void The_latest_target_with_a_measurement_is_the_one_judged()
    {
        // Targets 2025: 10, 2026: 20. Measured only in 2025 (12) → judged on 2025: 12 / 10 = 1.2.
        TargetFacts[] targets = [new(D(2025, 1), Frequency.Yearly, 10), new(D(2026, 1), Frequency.Yearly, 20)];
        var facts = Facts(Aggregation.Last, Frequency.Yearly, null);
        var p = Progress.Compute(facts, targets, [new(D(2025, 1), 12)], D(2026, 11, 24));
        Assert.Equal(D(2025, 1), p.TargetPeriod);
        Assert.Equal(1.2, p.Ratio!.Value, Precision);
        // Once 2026 is measured (15), 2026 is judged: 15 / 20 = 0.75.
        p = Progress.Compute(facts, targets, [new(D(2025, 1), 12), new(D(2026, 1), 15)], D(2026, 11, 24));
        Assert.Equal(D(2026, 1), p.TargetPeriod);
        Assert.Equal(0.75, p.Ratio!.Value, Precision);
        // As of a day in 2025, 2026 is not yet seen.
        p = Progress.Compute(facts, targets, [new(D(2025, 1), 12), new(D(2026, 1), 15)], D(2025, 12, 31));
        Assert.Equal(D(2025, 1), p.TargetPeriod);
    }

    [Fact]
    public void Nothing_to_judge_gives_no_light()
    {
        var facts = Facts(Aggregation.Last, Frequency.Yearly, 5);
        Assert.Equal(Light.None, Progress.Compute(facts, [], [new(D(2026, 1), 7)], D(2026, 12, 31)).Light);       // no target
        Assert.Equal(Light.None, Progress.Compute(facts, [new(D(2026, 1), Frequency.Yearly, 9)], [], D(2026, 12, 31)).Light); // no measurement
        Assert.Equal(Light.None, Progress.Compute(facts with { Measurable = false }, [new(D(2026, 1), Frequency.Yearly, 9)], [new(D(2026, 1), 7)], D(2026, 12, 31)).Light);
    }

    [Fact]
    public void A_rating_progresses_by_levels()
    {
        // Scale none(0) · low(1) · medium(2) · high(3); baseline low, target high, now medium: (2 − 1) / (3 − 1) = 0.5 → red.
        var p = Progress.Compute(Facts(Aggregation.Last, Frequency.Yearly, 1), [new(D(2026, 1), Frequency.Yearly, 3)], [new(D(2026, 1), 2)], D(2026, 12, 31));
        Assert.Equal(0.5, p.Ratio!.Value, Precision);
        Assert.Equal(Light.Red, p.Light);
    }

    [Fact]
    public void The_worst_light_ignores_what_is_not_judged()
    {
        Assert.Equal(Light.Red, Progress.Worst([Light.Green, Light.None, Light.Red, Light.Amber]));
        Assert.Equal(Light.Amber, Progress.Worst([Light.None, Light.Amber, Light.Green]));
        Assert.Equal(Light.None, Progress.Worst([Light.None, Light.None]));
        Assert.Equal(Light.None, Progress.Worst([]));
    }

    [Fact]
    public void An_objective_averages_its_indicators_capped_at_the_target()
    {
        // Ratios 1.5 (capped to 1), 0.5 and −0.2 (capped to 0); one indicator without data.
        // (1 + 0.5 + 0) / 3 = 0.5 → red; 3 judged of 4.
        IndicatorProgress R(double? r) => IndicatorProgress.Nothing(Guid.NewGuid()) with { Ratio = r, Light = Progress.LightOf(r) };
        var o = Progress.Objective([R(1.5), R(0.5), R(-0.2), R(null)]);
        Assert.Equal(4, o.Indicators);
        Assert.Equal(3, o.Judged);
        Assert.Equal(0.5, o.Ratio!.Value, Precision);
        Assert.Equal(Light.Red, o.Light);
        // One on target and one half way: (1 + 0.5) / 2 = 0.75 → amber.
        Assert.Equal(Light.Amber, Progress.Objective([R(1), R(0.5)]).Light);
        Assert.Equal(Light.None, Progress.Objective([R(null)]).Light);
        Assert.Equal(Light.None, Progress.Objective([]).Light);
    }
}
