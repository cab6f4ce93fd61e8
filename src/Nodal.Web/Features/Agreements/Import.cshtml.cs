using Microsoft.AspNetCore.Antiforgery;
using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Agreements;

/// <summary>
/// Imports agreements from an XLSX or CSV file (/{org}/agreements/import), all rows or none. Like the actions'
/// import, the size is checked before the body is read, then the antiforgery token by hand.
/// </summary>
[Requires(Capability.ManageRelations)]
[IgnoreAntiforgeryToken]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class ImportModel(AgreementSpreadsheet sheets, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
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
        TempData["Notice"] = sheets.CounterpartsAdded == 0
            ? L["Import done: {0} agreements added, {1} updated, {2} unchanged.", Report.Added, Report.Updated, Report.Unchanged].Value
            : L["Import done: {0} agreements added, {1} updated, {2} unchanged; {3} partner cities registered as counterparts.", Report.Added, Report.Updated, Report.Unchanged, sheets.CounterpartsAdded].Value;
        return Redirect($"/{tenant.OrganizationSlug}/agreements/import");
    }
}
