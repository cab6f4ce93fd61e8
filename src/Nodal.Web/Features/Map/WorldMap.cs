using System.Text.Json;

namespace Nodal.Web.Features.Map;

/// <summary>
/// The Natural Earth projection (Šavrič, Patterson, Jenny, Jenny 2011) as d3-geo's <c>geoNaturalEarth1</c> computes it,
/// with the scale and translation the country shapes were drawn with (scripts/reference/world.mjs), so that a city
/// placed here lands on its country's shape.
/// </summary>
public sealed record WorldProjection(double Scale, double TranslateX, double TranslateY)
{
    /// <summary>The SVG coordinates of a point given in degrees (x to the right, y downwards).</summary>
    public (double X, double Y) Project(double latitude, double longitude)
    {
        var lambda = Math.Clamp(longitude, -180, 180) * Math.PI / 180;
        var phi = Math.Clamp(latitude, -90, 90) * Math.PI / 180;
        var phi2 = phi * phi;
        var phi4 = phi2 * phi2;
        var x = lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
        var y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
        return (TranslateX + Scale * x, TranslateY - Scale * y);
    }
}

/// <summary>
/// The world's country shapes, already projected: Natural Earth 1:110m (public domain) through npm world-atlas 2.0.2,
/// one SVG path per ISO 3166-1 alpha-2 code, read once from the embedded Features/Map/world.json.
/// </summary>
public static class WorldMap
{
    public sealed record ReferencePoint(double Lat, double Lon, double X, double Y);

    private sealed class Json
    {
        public int Width { get; set; }
        public int Height { get; set; }
        public ProjectionJson Projection { get; set; } = new();
        public string Sphere { get; set; } = "";
        public Dictionary<string, string> Countries { get; set; } = [];
        public List<Unassigned> Unassigned { get; set; } = [];
        public List<ReferencePoint> ReferencePoints { get; set; } = [];
    }

    private sealed class ProjectionJson
    {
        public string Name { get; set; } = "";
        public double Scale { get; set; }
        public double[] Translate { get; set; } = [];
    }

    private sealed class Unassigned
    {
        public string Name { get; set; } = "";
        public string D { get; set; } = "";
    }

    private static readonly Lazy<Json> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static int Width => Data.Value.Width;
    public static int Height => Data.Value.Height;
    /// <summary>The outline of the globe (the sea).</summary>
    public static string Sphere => Data.Value.Sphere;
    /// <summary>The shape of each country, by ISO alpha-2 code.</summary>
    public static IReadOnlyDictionary<string, string> Countries => Data.Value.Countries;
    /// <summary>Shapes without an ISO code of their own (Kosovo, Northern Cyprus, Somaliland), drawn as land.</summary>
    public static IEnumerable<string> OtherLand => Data.Value.Unassigned.Select(u => u.D);
    /// <summary>Points d3-geo projected when the shapes were generated, for the tests.</summary>
    public static IReadOnlyList<ReferencePoint> ReferencePoints => Data.Value.ReferencePoints;

    public static WorldProjection Projection { get; } = new(Data.Value.Projection.Scale, Data.Value.Projection.Translate[0], Data.Value.Projection.Translate[1]);

    private static Json Load()
    {
        const string name = "Nodal.Web.Features.Map.world.json";
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in Nodal.Web.");
        var json = JsonSerializer.Deserialize<Json>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException($"{name} is empty.");
        if (json.Projection.Name != "NaturalEarth1" || json.Projection.Translate.Length != 2)
            throw new InvalidOperationException($"{name}: the projection must be NaturalEarth1 with a translation.");
        return json;
    }
}
