namespace Nodal.Web.Features.Map;

/// <summary>The placed counterparts as a GeoJSON file, for the signed-in user (the API serves the same to tokens).</summary>
public sealed class PartnersModel(MapService map, TenantContext tenant) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var body = MapGeoJson.Write(await map.PartnersAsync(Languages.Current, ct), MapGeoJson.BaseUrl(Request), tenant.OrganizationSlug ?? "");
        return File(body, MapGeoJson.ContentType, $"{tenant.OrganizationSlug}-partners.geojson");
    }
}
