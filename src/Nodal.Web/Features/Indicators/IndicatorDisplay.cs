using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Indicators;

/// <summary>One row of an indicator's trend: a period (of the indicator's frequency, or a year's target), its value and target.</summary>
/// <param name="Value">The validated value (null when none).</param>
/// <param name="Status">The status of the measurement entered for the period, when there is one.</param>
public sealed record TrendRow(DateOnly Period, Frequency Span, decimal? Value, string? ValueText, decimal? Target, string? TargetText, MeasurementStatus? Status, Guid? MeasurementId);

/// <summary>How the indicator pages write choices, progress and trends, in the reader's language.</summary>
public static class IndicatorDisplay
{
    public static IEnumerable<SelectListItem> Levels(IStringLocalizer L) =>
        Enum.GetValues<IndicatorLevel>().Select(v => new SelectListItem(v.Label(L), v.ToString()));

    public static IEnumerable<SelectListItem> Kinds(IStringLocalizer L) =>
        Enum.GetValues<IndicatorKind>().Select(v => new SelectListItem(v.Label(L), v.ToString()));

    public static IEnumerable<SelectListItem> Directions(IStringLocalizer L) =>
        Enum.GetValues<Direction>().Select(v => new SelectListItem(v.Label(L), v.ToString()));

    public static IEnumerable<SelectListItem> Aggregations(IStringLocalizer L) =>
        Enum.GetValues<Aggregation>().Select(v => new SelectListItem(v.Label(L), v.ToString()));

    public static IEnumerable<SelectListItem> Frequencies(IStringLocalizer L) =>
        Enum.GetValues<Frequency>().Select(v => new SelectListItem(v.Label(L), v.ToString()));

    /// <summary>A ratio as a percentage ("75 %").</summary>
    public static string Percent(double? ratio) => ratio is { } r ? r.ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>The unit periods in one period of a span, in words ("quarters", "months").</summary>
    public static string Units(Frequency f, IStringLocalizer L) => f switch
    {
        Frequency.Monthly => L["months"],
        Frequency.Quarterly => L["quarters"],
        _ => L["years"],
    };

    /// <summary>One sentence saying how the progress was computed, e.g. "Sum of 2 of 4 quarters of 2026 compared with 2/4 of the year's target."</summary>
    public static string Explain(Indicator i, IndicatorProgress p, IStringLocalizer L)
    {
        if (p.TargetPeriod is not { } period || p.TargetSpan is not { } span)
            return i.IsText
                ? L["A free-text indicator is read, not computed: it has no traffic light."]
                : L["No light yet: it needs a target and a validated measurement in the target's period."];
        var label = MonitoringLabels.PeriodLabel(period, span);
        var units = Units(i.Frequency, L);
        string what;
        if (p.PeriodsInTarget <= 1)
            what = L["The validated value of {0} compared with its target", label];
        else if (i.Aggregation == Aggregation.Sum && p.PeriodsMeasured < p.PeriodsInTarget)
            what = L["The sum of {0} of {1} {2} of {3} compared with {0}/{1} of its target", p.PeriodsMeasured, p.PeriodsInTarget, units, label];
        else if (i.Aggregation == Aggregation.Sum)
            what = L["The sum of the {0} {1} of {2} compared with its target", p.PeriodsInTarget, units, label];
        else if (i.Aggregation == Aggregation.Average)
            what = L["The average of {0} of {1} {2} of {3} compared with its target", p.PeriodsMeasured, p.PeriodsInTarget, units, label];
        else
            what = L["The latest of {0} of {1} {2} of {3} compared with its target", p.PeriodsMeasured, p.PeriodsInTarget, units, label];
        var how = i.BaselineValue is not null
            ? L["progress is the distance covered from the baseline to the target"]
            : i.Direction == Direction.HigherIsBetter ? L["progress is the value divided by the target"] : L["progress is the target divided by the value"];
        return L["{0}; {1}. On track from {2}, needs attention from {3}.", what, how, Percent(Progress.GreenFrom), Percent(Progress.AmberFrom)];
    }

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static string E(string s) => Encoder.Encode(s);

    /// <summary>
    /// A line chart of the validated values over the indicator's periods, the targets of those periods as diamonds, a year's
    /// target as a dashed step across its periods (not for sums, whose year is not comparable with one period), and the
    /// baseline as a grey dashed line. SVG drawn on the server; the page puts the same numbers in a table beside it.
    /// </summary>
    public static IHtmlContent TrendChart(string id, string title, Indicator i, IReadOnlyList<TrendRow> rows, IStringLocalizer L)
    {
        var periods = rows.Where(r => r.Span == i.Frequency).Select(r => r.Period).Distinct().Order().ToList();
        if (periods.Count == 0 || i.IsText) return HtmlString.Empty;
        var yearly = i.Frequency != Frequency.Yearly && i.Aggregation != Aggregation.Sum
            ? rows.Where(r => r.Span == Frequency.Yearly && r.Target is not null).ToList() : [];
        var numbers = rows.Where(r => r.Span == i.Frequency).SelectMany(r => new[] { r.Value, r.Target })
            .Concat(yearly.Select(y => y.Target)).Append(i.BaselineValue).Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        if (numbers.Count == 0) return HtmlString.Empty;
        double min = Math.Min(0, numbers.Min()), max = numbers.Max();
        if (i.IsRating) { min = 0; max = Math.Max(1, i.RatingLevels.Count - 1); }
        if (max <= min) max = min + 1;

        const int width = 760, height = 300, left = 110, right = 20, top = 34, bottom = 44;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var step = periods.Count > 1 ? plotW / (double)(periods.Count - 1) : 0;
        double X(int n) => periods.Count > 1 ? left + n * step : left + plotW / 2.0;
        double Y(double v) => top + plotH - (v - min) / (max - min) * plotH;
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        string Fmt(decimal v) => MonitoringLabels.FormatValue(i, v, null);

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"nodal-chart\" id=\"{id}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title>");
        // Legend.
        var lx = left;
        void Legend(string shape, string text)
        {
            sb.Append(shape.Replace("{x}", F(lx)));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(lx + 22)}\" y=\"18\" font-size=\"13\" fill=\"#0b0c0c\">{E(text)}</text>");
            lx += 40 + text.Length * 7;
        }
        Legend("<line x1=\"{x}\" y1=\"13\" x2=\"" + F(lx + 16) + "\" y2=\"13\" stroke=\"#1d70b8\" stroke-width=\"3\"/>", L["Validated value"]);
        Legend("<rect x=\"{x}\" y=\"7\" width=\"11\" height=\"11\" fill=\"#b1560f\" transform=\"rotate(45 " + F(lx + 5.5) + " 12.5)\"/>", L["Target"]);
        if (i.BaselineValue is not null)
            Legend("<line x1=\"{x}\" y1=\"13\" x2=\"" + F(lx + 16) + "\" y2=\"13\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>", L["Baseline"]);
        // Axes and gridlines with their values.
        for (var k = 0; k <= 4; k++)
        {
            var v = min + (max - min) * k / 4;
            var y = Y(v);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(y)}\" x2=\"{width - right}\" y2=\"{F(y)}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            var label = i.IsRating ? (Math.Abs(v - Math.Round(v)) < 0.01 ? Fmt((decimal)Math.Round(v)) : "") : Fmt((decimal)v);
            if (label.Length > 16) label = label[..15] + "…";
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"12\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(label)}</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(periods.Count / 10.0));
        for (var n = 0; n < periods.Count; n++)
            if (n % every == 0)
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(n))}\" y=\"{height - bottom + 18}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">{E(MonitoringLabels.PeriodLabel(periods[n], i.Frequency))}</text>");
        // Baseline.
        if (i.BaselineValue is { } b)
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(Y((double)b))}\" x2=\"{width - right}\" y2=\"{F(Y((double)b))}\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"4 3\"><title>{E(L["Baseline"])}: {E(Fmt(b))}</title></line>");
        // A year's target across its periods.
        foreach (var t in yearly)
        {
            var inYear = periods.Select((p, n) => (p, n)).Where(x => Periods.InSpan(x.p, t.Period, Frequency.Yearly)).ToList();
            if (inYear.Count == 0) continue;
            var y = Y((double)t.Target!.Value);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(inYear[0].n) - 6)}\" y1=\"{F(y)}\" x2=\"{F(X(inYear[^1].n) + 6)}\" y2=\"{F(y)}\" stroke=\"#b1560f\" stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>{E(L["Target"])} {E(MonitoringLabels.PeriodLabel(t.Period, Frequency.Yearly))}: {E(Fmt(t.Target.Value))}</title></line>");
        }
        // Values: a line through the validated ones, a dot on each.
        var points = periods.Select((p, n) => (n, row: rows.FirstOrDefault(r => r.Span == i.Frequency && r.Period == p))).Where(x => x.row?.Value is not null).ToList();
        if (points.Count > 1)
            sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"{string.Join(' ', points.Select(x => $"{F(X(x.n))},{F(Y((double)x.row!.Value!.Value))}"))}\"/>");
        foreach (var (n, row) in points)
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(n))}\" cy=\"{F(Y((double)row!.Value!.Value))}\" r=\"5\" fill=\"#1d70b8\"><title>{E(MonitoringLabels.PeriodLabel(row.Period, i.Frequency))}: {E(Fmt(row.Value.Value))}</title></circle>");
        // Targets of single periods.
        for (var n = 0; n < periods.Count; n++)
        {
            var t = rows.FirstOrDefault(r => r.Span == i.Frequency && r.Period == periods[n] && r.Target is not null);
            if (t is null) continue;
            var (x, y) = (X(n), Y((double)t.Target!.Value));
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x - 5.5)}\" y=\"{F(y - 5.5)}\" width=\"11\" height=\"11\" fill=\"#b1560f\" transform=\"rotate(45 {F(x)} {F(y)})\"><title>{E(L["Target"])} {E(MonitoringLabels.PeriodLabel(t.Period, i.Frequency))}: {E(Fmt(t.Target.Value))}</title></rect>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
