using Microsoft.AspNetCore.Antiforgery;

namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>
/// Imports actions from an XLSX or CSV file (/{org}/actions/import). The antiforgery token is checked by hand
/// after the size: a file over the limit is refused from its announced length, before its body is read, and
/// the page says so (Kestrel's own limit is raised above the upload limit so the body can be drained and the
/// answer reaches the browser instead of a reset connection).
/// </summary>
[Requires(Capability.EditActions)]
[IgnoreAntiforgeryToken]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class ImportModel(ActionSpreadsheet sheets, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public List<StrategicPlan> Plans { get; private set; } = [];
    public Guid? PlanId { get; private set; }
    public ImportReport? Report { get; private set; }

    public async Task OnGetAsync(Guid? plan, CancellationToken ct)
    {
        Plans = await sheets.PlansAsync(ct);
        PlanId = plan ?? Plans.FirstOrDefault()?.Id;
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
            // The page takes only its own form (with its antiforgery token); a bare body is for the API.
            return BadRequest();
        }
        Plans = await sheets.PlansAsync(ct);
        PlanId = upload.PlanId ?? Plans.FirstOrDefault()?.Id;
        Report = upload.Refusal ?? await sheets.ImportAsync(upload.Data!, upload.PlanId, dryRun: false, ct);
        if (!Report.Succeeded)
        {
            // An invalid model state also makes the request's transaction roll back.
            ModelState.AddModelError("file", Report.Errors.Count == 1 && Report.Errors[0].Row is null
                ? Report.Errors[0].Message
                : L["The file has errors: nothing was imported."]);
            return Page();
        }

        TempData["Notice"] = L["Import done: {0} actions added, {1} updated, {2} unchanged.", Report.Added, Report.Updated, Report.Unchanged].Value;
        var url = $"/{tenant.OrganizationSlug}/actions/import?plan={PlanId}";
        if (Request.IsHtmx())
        {
            Response.Headers["HX-Redirect"] = url;
            return Content("");
        }
        return Redirect(url);
    }
}
