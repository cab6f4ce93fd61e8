using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Nodal.Web.Infrastructure;

/// <summary>One bar (or stack of bars) of a chart: a label and one value per series.</summary>
public sealed record BarRow(string Label, IReadOnlyList<double> Values, string? Href = null);

/// <summary>
/// Horizontal bar charts drawn on the server as SVG: no script, allowed by the strict CSP, printable, and
/// readable without JavaScript. Each chart is an image with a text alternative; the page puts the same
/// numbers in a data table next to it.
/// </summary>
public static class Charts
{
    /// <summary>Series colours with at least 3:1 contrast against white (WCAG 1.4.11).</summary>
    public static readonly string[] Palette = ["#1d70b8", "#912b88", "#00703c", "#b1560f", "#505a5f", "#d4351c"];

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <param name="title">Read by screen readers as the image's name.</param>
    /// <param name="series">Legend: one name per value of each row; values stack.</param>
    /// <param name="format">How a total is written at the end of its bar.</param>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<string> series, IReadOnlyList<BarRow> rows, Func<double, string> format, double? max = null)
    {
        const int width = 760, labelWidth = 300, valueWidth = 70, barHeight = 22, gap = 8, legendHeight = 28;
        var plot = width - labelWidth - valueWidth;
        var top = series.Count > 1 ? legendHeight : 4;
        var height = top + rows.Count * (barHeight + gap) + 4;
        var scale = max ?? rows.Select(r => r.Values.Sum()).DefaultIfEmpty(0).Max();
        if (scale <= 0) scale = 1;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"nodal-chart\" id=\"{id}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title>");
        if (series.Count > 1)
        {
            var x = labelWidth;
            for (var s = 0; s < series.Count; s++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"14\" height=\"14\" fill=\"{Palette[s % Palette.Length]}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"18\" font-size=\"14\" fill=\"#0b0c0c\">{E(series[s])}</text>");
                x += 40 + series[s].Length * 8;
            }
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = top + i * (barHeight + gap);
            var label = row.Label.Length > 36 ? row.Label[..35] + "…" : row.Label;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" font-size=\"13\" text-anchor=\"end\" fill=\"#0b0c0c\"><title>{E(row.Label)}</title>{E(label)}</text>");
            var offset = 0.0;
            for (var s = 0; s < row.Values.Count; s++)
            {
                var w = Math.Max(0, row.Values[s] / scale * plot);
                if (w > 0)
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + offset:0.##}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{barHeight}\" fill=\"{Palette[s % Palette.Length]}\"><title>{E(row.Label)}: {E(series.Count > s ? series[s] : "")} {E(format(row.Values[s]))}</title></rect>");
                offset += w;
            }
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + offset + 6:0.##}\" y=\"{y + 16}\" font-size=\"14\" fill=\"#0b0c0c\">{E(format(row.Values.Sum()))}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";

    private static string E(string s) => Encoder.Encode(s);
}
