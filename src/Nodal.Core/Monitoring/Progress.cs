namespace Nodal.Core.Monitoring;

/// <summary>A traffic light. <see cref="None"/>: nothing to judge (no target or no validated measurement).</summary>
public enum Light
{
    None = 0,
    Red = 1,
    Amber = 2,
    Green = 3,
}

/// <summary>What progress needs of an indicator. For a rating, values are indices in its scale.</summary>
public sealed record IndicatorFacts(
    Guid Id,
    Direction Direction,
    Aggregation Aggregation,
    Frequency Frequency,
    decimal? Baseline,
    bool Measurable = true);

public sealed record TargetFacts(DateOnly Period, Frequency Span, decimal Value);

/// <summary>A validated measurement.</summary>
public sealed record ValueFacts(DateOnly Period, decimal Value);

/// <summary>
/// Progress of one indicator on its latest assessed target. <see cref="Ratio"/> is 1 when the target is
/// reached, 0 at the baseline, negative when worse than the baseline; unbounded above.
/// </summary>
public sealed record IndicatorProgress(
    Guid IndicatorId,
    DateOnly? TargetPeriod,
    Frequency? TargetSpan,
    decimal? Target,
    decimal? Actual,
    int PeriodsMeasured,
    int PeriodsInTarget,
    double? Ratio,
    Light Light)
{
    public static IndicatorProgress Nothing(Guid id) => new(id, null, null, null, null, 0, 0, null, Light.None);
}

/// <summary>The roll-up of an objective's indicators.</summary>
public sealed record ObjectiveProgress(int Indicators, int Judged, double? Ratio, Light Light);

/// <summary>
/// Progress to target and traffic lights (docs/MEASUREMENT.md). Pure: the dashboards and the maturity
/// checks load the facts, these functions judge them.
/// </summary>
public static class Progress
{
    /// <summary>At or above: green.</summary>
    public const double GreenFrom = 0.9;
    /// <summary>At or above (and below green): amber; below: red.</summary>
    public const double AmberFrom = 0.6;

    public static Light LightOf(double? ratio) => ratio switch
    {
        null => Light.None,
        >= GreenFrom => Light.Green,
        >= AmberFrom => Light.Amber,
        _ => Light.Red,
    };

    /// <summary>The value of several periods' measurements, in period order.</summary>
    public static decimal? Aggregate(IEnumerable<ValueFacts> values, Aggregation aggregation)
    {
        var list = values.OrderBy(v => v.Period).ToList();
        if (list.Count == 0) return null;
        return aggregation switch
        {
            Aggregation.Sum => list.Sum(v => v.Value),
            Aggregation.Average => list.Average(v => v.Value),
            _ => list[^1].Value,
        };
    }

    /// <summary>
    /// Progress on the most recent target period (not after <paramref name="asOf"/>) that has at least one
    /// validated measurement. Sums over a partly measured target period compare with the target and
    /// baseline pro-rated by the share of its periods measured.
    /// </summary>
    public static IndicatorProgress Compute(IndicatorFacts indicator, IEnumerable<TargetFacts> targets, IEnumerable<ValueFacts> values, DateOnly asOf)
    {
        if (!indicator.Measurable) return IndicatorProgress.Nothing(indicator.Id);
        var measured = values.Where(v => v.Period <= asOf).ToList();
        foreach (var target in targets.Where(t => t.Period <= asOf).OrderByDescending(t => t.Period).ThenByDescending(t => Periods.Rank(t.Span)))
        {
            var inside = measured.Where(v => Periods.InSpan(v.Period, target.Period, target.Span)).ToList();
            if (inside.Count == 0) continue;
            var periods = Periods.Within(target.Period, target.Span, indicator.Frequency).Count;
            var k = inside.Select(v => v.Period).Distinct().Count();
            var actual = Aggregate(inside, indicator.Aggregation)!.Value;
            var share = indicator.Aggregation == Aggregation.Sum && periods > 0 ? Math.Min(1m, (decimal)k / periods) : 1m;
            var ratio = Ratio(indicator.Direction, indicator.Baseline * share, target.Value * share, actual);
            return new IndicatorProgress(indicator.Id, target.Period, target.Span, target.Value, actual, k, periods, ratio, LightOf(ratio));
        }
        return IndicatorProgress.Nothing(indicator.Id);
    }

    /// <summary>
    /// How far <paramref name="actual"/> went from the baseline to the target: (actual − baseline) / (target − baseline),
    /// mirrored when lower is better. Without a baseline: actual / target (higher) or target / actual (lower).
    /// A target no better than the baseline counts 1 when met, else 0.
    /// </summary>
    public static double? Ratio(Direction direction, decimal? baseline, decimal target, decimal actual)
    {
        var higher = direction == Direction.HigherIsBetter;
        bool Met() => higher ? actual >= target : actual <= target;
        if (baseline is { } b)
        {
            var gap = higher ? target - b : b - target;
            if (gap <= 0) return Met() ? 1 : 0;
            var moved = higher ? actual - b : b - actual;
            return (double)(moved / gap);
        }
        if (higher) return target == 0 ? (Met() ? 1 : 0) : (double)(actual / target);
        if (actual == 0) return Met() ? 1 : 0;
        return target <= 0 ? (Met() ? 1 : 0) : (double)(target / actual);
    }

    /// <summary>The worst of some lights, counting only those that judge something; none when none does.</summary>
    public static Light Worst(IEnumerable<Light> lights)
    {
        var judged = lights.Where(l => l != Light.None).ToList();
        return judged.Count == 0 ? Light.None : judged.Min();
    }

    /// <summary>
    /// An objective's progress: the mean of its judged indicators' ratios, each capped to [0, 1] so one
    /// over-achiever does not hide a failure; no light when none is judged.
    /// </summary>
    public static ObjectiveProgress Objective(IReadOnlyCollection<IndicatorProgress> indicators)
    {
        var judged = indicators.Where(i => i.Ratio is not null).ToList();
        if (judged.Count == 0) return new ObjectiveProgress(indicators.Count, 0, null, Light.None);
        var ratio = judged.Average(i => Math.Clamp(i.Ratio!.Value, 0, 1));
        return new ObjectiveProgress(indicators.Count, judged.Count, ratio, LightOf(ratio));
    }
}
