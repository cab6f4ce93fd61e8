using Microsoft.AspNetCore.Antiforgery;
using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Measurements;

/// <summary>
/// Imports measurements from an XLSX or CSV file (/{org}/measurements/import), all rows or none. Like the other imports,
/// the size is checked before the body is read, then the antiforgery token by hand.
/// </summary>
[Requires(Capability.EnterMeasurements)]
public sealed class ImportModel(MeasurementSpreadsheet sheets, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> localizer)
    : SpreadsheetImportPage(antiforgery, localizer)
{
    protected override Task<ImportReport> ImportAsync(byte[] data, CancellationToken ct) => sheets.ImportAsync(data, ct);

    protected override string Done(ImportReport r) => L["Import done: {0} measurements added, {1} updated, {2} unchanged.", r.Added, r.Updated, r.Unchanged].Value;

    protected override string DonePath => $"/{tenant.OrganizationSlug}/measurements/import";
}

/// <summary>Downloads the measurements: /{org}/measurements/export?format=xlsx|csv&amp;plan=&amp;department=.</summary>
[Requires(Capability.Read)]
public sealed class ExportModel(MeasurementSpreadsheet sheets) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, Guid? plan, Guid? department, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = await sheets.ExportAsync(f, plan, department, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}

/// <summary>Downloads the empty import file with its Help sheet: /{org}/measurements/template?format=xlsx|csv.</summary>
[Requires(Capability.Read)]
public sealed class TemplateModel(MeasurementSpreadsheet sheets) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, Guid? plan, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = await sheets.TemplateAsync(f, plan, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
