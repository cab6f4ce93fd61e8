using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Nodal.Web.Features.Dashboard;

/// <summary>
/// A small line chart drawn on the server as SVG: an indicator's values over its last periods, with its
/// target(s) as dashed lines over the periods they cover. No script; the page puts the numbers in a table beside it.
/// </summary>
public static class TrendChart
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <param name="labels">One label per period, oldest first.</param>
    /// <param name="values">One value per period (null: not measured or not validated).</param>
    /// <param name="targets">Target lines: the index of the first and last period they cover, and the value.</param>
    public static IHtmlContent Draw(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<decimal?> values,
        IReadOnlyList<(int From, int To, decimal Value)> targets, Func<decimal, string> format)
    {
        const int width = 360, height = 170, left = 56, right = 12, top = 12, bottom = 34;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var all = values.Where(v => v is not null).Select(v => v!.Value).Concat(targets.Select(t => t.Value)).ToList();
        var min = all.Count == 0 ? 0 : Math.Min(0, all.Min());
        var max = all.Count == 0 ? 1 : all.Max();
        if (max <= min) max = min + 1;
        var n = Math.Max(1, labels.Count);
        double X(double i) => left + (n == 1 ? plotW / 2.0 : i * plotW / (n - 1));
        double Y(decimal v) => top + plotH - (double)((v - min) / (max - min)) * plotH;
        var c = CultureInfo.InvariantCulture;

        var sb = new StringBuilder();
        sb.Append(c, $"<svg class=\"nodal-trend\" id=\"{id}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(c, $"<title id=\"{id}-title\">{E(title)}</title>");
        // Axes and the scale's ends.
        sb.Append(c, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotH}\" stroke=\"#505a5f\"/>");
        sb.Append(c, $"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{left + plotW}\" y2=\"{top + plotH}\" stroke=\"#505a5f\"/>");
        sb.Append(c, $"<text x=\"{left - 4}\" y=\"{top + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(format(max))}</text>");
        sb.Append(c, $"<text x=\"{left - 4}\" y=\"{top + plotH}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(format(min))}</text>");
        if (labels.Count > 0)
        {
            sb.Append(c, $"<text x=\"{X(0):0.#}\" y=\"{height - 14}\" font-size=\"11\" text-anchor=\"start\" fill=\"#0b0c0c\">{E(labels[0])}</text>");
            if (labels.Count > 1)
                sb.Append(c, $"<text x=\"{X(n - 1):0.#}\" y=\"{height - 14}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(labels[^1])}</text>");
        }
        // Targets: dashed, in the second colour of the palette.
        foreach (var t in targets)
        {
            var x1 = X(Math.Max(0, t.From) - (n == 1 ? 0 : 0.3));
            var x2 = X(Math.Min(n - 1, t.To) + (n == 1 ? 0 : 0.3));
            if (n == 1) { x1 -= 20; x2 += 20; }
            sb.Append(c, $"<line class=\"nodal-trend__target\" x1=\"{Math.Max(left, x1):0.#}\" y1=\"{Y(t.Value):0.#}\" x2=\"{Math.Min(left + plotW, x2):0.#}\" y2=\"{Y(t.Value):0.#}\" stroke=\"#912b88\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{E(format(t.Value))}</title></line>");
        }
        // Values: a line through consecutive measured periods, a dot on each.
        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v) { pen = false; continue; }
            path.Append(c, $"{(pen ? 'L' : 'M')}{X(i):0.#} {Y(v):0.#} ");
            pen = true;
        }
        if (path.Length > 0) sb.Append(c, $"<path d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2.5\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v) continue;
            sb.Append(c, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"3.5\" fill=\"#1d70b8\"><title>{E(labels[i])}: {E(format(v))}</title></circle>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string E(string s) => Encoder.Encode(s);
}
