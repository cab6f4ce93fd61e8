using Microsoft.AspNetCore.Antiforgery;
using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Measurements;

/// <summary>
/// Imports measurements from an XLSX or CSV file (/{org}/measurements/import), all rows or none. Like the other imports,
/// the size is checked before the body is read, then the antiforgery token by hand.
/// </summary>
[Requires(Capability.EnterMeasurements)]
[IgnoreAntiforgeryToken]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class ImportModel(MeasurementSpreadsheet sheets, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>No parameters and no bound properties: model binding would read the whole form before the size check.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var upload = await SpreadsheetUpload.ReadAsync(Request, L, ct);
        if (upload.FormRead)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                return BadRequest();
            }
        }
        else if (upload.Refusal is not { TooLarge: true })
        {
            return BadRequest();
        }
        Report = upload.Refusal is { } refusal && (refusal.TooLarge || upload.Data is null) ? refusal : await sheets.ImportAsync(upload.Data!, ct);
        if (!Report.Succeeded)
        {
            // An invalid model state also makes the request's transaction roll back.
            ModelState.AddModelError("file", Report.Errors.Count == 1 && Report.Errors[0].Row is null
                ? Report.Errors[0].Message
                : L["The file has errors: nothing was imported."]);
            return Page();
        }
        TempData["Notice"] = L["Import done: {0} measurements added, {1} updated, {2} unchanged.", Report.Added, Report.Updated, Report.Unchanged].Value;
        return Redirect($"/{tenant.OrganizationSlug}/measurements/import");
    }
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
