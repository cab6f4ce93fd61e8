using System.Text.Json;

namespace Nodal.Web.Features.Map;

/// <summary>
/// The placed counterparts as GeoJSON (RFC 7946): a FeatureCollection of Points in [longitude, latitude] (WGS 84),
/// one per counterpart with coordinates, with its code, name, kind, country, number of agreements and a link to it.
/// Served to the signed-in user at /{org}/map/partners.geojson and to tokens at /api/v1/map/partners.geojson.
/// </summary>
public static class MapGeoJson
{
    public const string ContentType = "application/geo+json";

    public static byte[] Write(IEnumerable<MapPlace> partners, string baseUrl, string org)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var p in partners.Where(p => p.CounterpartId is not null))
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", p.Code);
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(Math.Round(p.Longitude, 6));
                w.WriteNumberValue(Math.Round(p.Latitude, 6));
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("code", p.Code);
                w.WriteString("name", p.Name);
                w.WriteString("kind", p.Kind.ToString());
                w.WriteString("country", p.Country);
                w.WriteNumber("agreements", p.Agreements);
                w.WriteString("link", $"{baseUrl}/{org}/counterparts/{p.CounterpartId}");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}

public static class MapApi
{
    public static RouteGroupBuilder MapMapApi(this RouteGroupBuilder api)
    {
        api.MapGet("/map/partners.geojson", async (MapService map, TenantContext tenant, HttpContext http, CancellationToken ct) =>
                Results.File(MapGeoJson.Write(await map.PartnersAsync(Languages.Current, ct), MapGeoJson.BaseUrl(http.Request), tenant.OrganizationSlug ?? ""), MapGeoJson.ContentType))
            .WithTags("Counterparts")
            .WithName("PartnersGeoJson").WithSummary("Placed counterparts as GeoJSON")
            .WithDescription("A GeoJSON FeatureCollection (RFC 7946) of the organization's counterparts that have coordinates (partner cities, metropolitan governments): "
                             + "a Point [longitude, latitude] each, with properties code, name, kind, country (ISO 3166-1 alpha-2), agreements (how many agreements it is a party to, any status) and link.")
            .Produces(StatusCodes.Status200OK, contentType: MapGeoJson.ContentType);
        return api;
    }
}
