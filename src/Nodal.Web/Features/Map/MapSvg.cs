using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Nodal.Web.Features.Map;

/// <summary>
/// The world map drawn on the server as one SVG: no tiles, no network, no script. Countries are shaded in up to five
/// classes, each with its colour and its own hatching (so the classes do not rest on colour alone) and an outline;
/// places are circles sized by their relations, each with a tooltip. It is an image with a name and a description;
/// the page gives the same numbers in tables.
/// </summary>
public static class MapSvg
{
    /// <summary>Light to dark blues; from the third class on, at least 3:1 against the sea and the land with no relations.</summary>
    public static readonly string[] ClassColours = ["#c6dbef", "#85b6dc", "#4a90c8", "#1d70b8", "#003078"];
    /// <summary>Hatching spacing per class (0 = none): denser as the class rises.</summary>
    private static readonly int[] Hatch = [0, 8, 6, 4, 3];
    private const string Land = "#f3f2f1", Sea = "#ffffff", Border = "#b1b4b6", Outline = "#0b0c0c", Place = "#d4351c";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public sealed record Legend(int Class, string Label);

    /// <param name="values">The value of each country code (those above 0 are shaded).</param>
    /// <param name="places">The circles: where, how big (value) and the tooltip.</param>
    /// <param name="countryTitle">The tooltip of a shaded country.</param>
    public static IHtmlContent Render(string id, string title, string description, IReadOnlyDictionary<string, int> values, IReadOnlyList<int> bounds,
        IEnumerable<(double Latitude, double Longitude, int Value, string Title)> places, Func<string, int, string> countryTitle)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"<svg id=\"{id}\" viewBox=\"0 0 {WorldMap.Width} {WorldMap.Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        sb.Append("<defs>");
        for (var c = 1; c <= MapClasses.Count; c++) sb.Append(Pattern(id, c));
        sb.Append("</defs>");
        sb.Append(inv, $"<path d=\"{WorldMap.Sphere}\" fill=\"{Sea}\" stroke=\"{Border}\"/>");
        sb.Append(inv, $"<g fill=\"{Land}\" stroke=\"{Border}\" stroke-width=\"0.5\">");
        foreach (var d in WorldMap.OtherLand) sb.Append(inv, $"<path d=\"{d}\"/>");
        foreach (var (code, d) in WorldMap.Countries)
            if (values.GetValueOrDefault(code) <= 0) sb.Append(inv, $"<path d=\"{d}\" data-country=\"{code}\"/>");
        sb.Append("</g>");
        sb.Append(inv, $"<g stroke=\"{Outline}\" stroke-width=\"0.8\">");
        foreach (var (code, d) in WorldMap.Countries)
        {
            var value = values.GetValueOrDefault(code);
            if (value <= 0) continue;
            var cls = ColourClass(MapClasses.Of(value, bounds), bounds.Count);
            sb.Append(inv, $"<path d=\"{d}\" data-country=\"{code}\" data-class=\"{cls}\" fill=\"url(#{id}-c{cls})\"><title>{E(countryTitle(code, value))}</title></path>");
        }
        sb.Append("</g>");
        sb.Append(inv, $"<g fill=\"{Place}\" fill-opacity=\"0.75\" stroke=\"#ffffff\" stroke-width=\"1\">");
        foreach (var p in places.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
        {
            var (x, y) = WorldMap.Projection.Project(p.Latitude, p.Longitude);
            var r = Math.Min(14, 3 + 2 * Math.Sqrt(p.Value));
            sb.Append(inv, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\"><title>{E(p.Title)}</title></circle>");
        }
        sb.Append("</g></svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A small swatch of a class, for the legend.</summary>
    public static IHtmlContent Swatch(string id, int cls) => new HtmlString(string.Create(CultureInfo.InvariantCulture,
        $"<svg width=\"28\" height=\"18\" viewBox=\"0 0 28 18\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\"><defs>{Pattern(id, cls)}</defs><rect x=\"0.5\" y=\"0.5\" width=\"27\" height=\"17\" fill=\"url(#{id}-c{cls})\" stroke=\"{Outline}\"/></svg>"));

    /// <summary>A circle the size a place of this value gets, for the legend.</summary>
    public static IHtmlContent Circle(int value)
    {
        var r = Math.Min(14, 3 + 2 * Math.Sqrt(value));
        var s = (int)Math.Ceiling(2 * r + 2);
        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<svg width=\"{s}\" height=\"{s}\" viewBox=\"0 0 {s} {s}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\"><circle cx=\"{s / 2.0:0.#}\" cy=\"{s / 2.0:0.#}\" r=\"{r:0.#}\" fill=\"{Place}\" fill-opacity=\"0.75\" stroke=\"#ffffff\"/></svg>"));
    }

    /// <summary>The colour class of a class among <paramref name="used"/> classes: with fewer than five, the darker end is kept for the largest.</summary>
    public static int ColourClass(int cls, int used) => cls <= 0 ? 0 : used >= MapClasses.Count ? cls : MapClasses.Count - used + cls;

    private static string Pattern(string id, int cls)
    {
        var colour = ClassColours[cls - 1];
        var step = Hatch[cls - 1];
        var line = cls >= 4 ? "#ffffff" : Outline;
        var sb = new StringBuilder();
        var size = step == 0 ? 8 : step;
        sb.Append(CultureInfo.InvariantCulture, $"<pattern id=\"{id}-c{cls}\" width=\"{size}\" height=\"{size}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{size}\" height=\"{size}\" fill=\"{colour}\"/>");
        if (step > 0) sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{size}\" stroke=\"{line}\" stroke-width=\"0.8\" stroke-opacity=\"0.6\"/>");
        sb.Append("</pattern>");
        return sb.ToString();
    }

    private static string E(string s) => Encoder.Encode(s);
}
