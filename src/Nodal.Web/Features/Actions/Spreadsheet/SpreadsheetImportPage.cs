using Microsoft.AspNetCore.Antiforgery;

namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>
/// An import page (counterparts, agreements, measurements…): all rows or none. The size is checked before the
/// body is read (a file over the limit is refused from its announced length and the page says so), then the
/// antiforgery token by hand; the page takes only its own form. A feature's page says what to import and what
/// to tell once done.
/// </summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(64 * 1024 * 1024)]
public abstract class SpreadsheetImportPage(IAntiforgery antiforgery, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ImportReport? Report { get; private set; }

    protected IStringLocalizer<SharedResource> L { get; } = localizer;

    public void OnGet()
    {
    }

    /// <summary>Imports the file's bytes, all rows or none.</summary>
    protected abstract Task<ImportReport> ImportAsync(byte[] data, CancellationToken ct);

    /// <summary>The notice shown once the rows are in.</summary>
    protected abstract string Done(ImportReport report);

    /// <summary>Where the browser goes once the rows are in.</summary>
    protected abstract string DonePath { get; }

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
        Report = upload.Refusal is { } refusal && (refusal.TooLarge || upload.Data is null) ? refusal : await ImportAsync(upload.Data!, ct);
        if (!Report.Succeeded)
        {
            // An invalid model state also makes the request's transaction roll back.
            ModelState.AddModelError("file", Report.Errors.Count == 1 && Report.Errors[0].Row is null
                ? Report.Errors[0].Message
                : L["The file has errors: nothing was imported."]);
            return Page();
        }
        TempData["Notice"] = Done(Report);
        return Redirect(DonePath);
    }
}
