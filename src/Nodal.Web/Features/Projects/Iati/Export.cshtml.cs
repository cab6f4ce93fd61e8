namespace Nodal.Web.Features.Projects.Iati;

/// <summary>
/// /{org}/projects/iati.xml: the projects as an IATI 2.03 file, streamed as it is written. Without the organization's
/// IATI organisation identifier the page explains where to set it.
/// </summary>
public sealed class ExportModel(IatiExporter exporter, TenantContext tenant) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(await exporter.OrganisationIdAsync(ct)))
            return Page();
        Response.ContentType = "application/xml; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{tenant.OrganizationSlug}-iati-activities.xml\"";
        await exporter.WriteAsync(Response.Body, ct);
        return new EmptyResult();
    }
}
