using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Nodal.Web.Features.Projects.Iati;

/// <summary>
/// /{org}/projects/iati-import: imports an IATI 2.0x activities file. The size is checked from the announced length
/// before the body is read; the form is then read with its file spooled to disk (never whole in memory), the antiforgery
/// token checked, and the file read one activity at a time. All or nothing: any error rolls the request back.
/// </summary>
[Requires(Capability.ManageRelations)]
[IgnoreAntiforgeryToken]
[RequestSizeLimit(IatiImporter.MaxBytes + Envelope)]
public sealed class ImportModel(IatiImporter importer, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    private const long Envelope = 256 * 1024;

    public IatiImportReport? Report { get; private set; }

    public void OnGet() { }

    /// <summary>No parameters and no bound properties: model binding would read the whole form before the size check.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Request.ContentLength > IatiImporter.MaxBytes + Envelope) return Refuse(IatiImporter.TooLarge(L));
        if (!Request.HasFormContentType) return BadRequest();
        IFormCollection form;
        try
        {
            Request.HttpContext.Features.Set<IFormFeature>(new FormFeature(Request, new FormOptions
            {
                MultipartBodyLengthLimit = IatiImporter.MaxBytes,
                ValueCountLimit = 16,
                ValueLengthLimit = 4096,
            }));
            form = await Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(IatiImporter.TooLarge(L));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(IatiImporter.TooLarge(L));
        }
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return Refuse(file is null ? L["Choose a file to import."] : L["The file is empty."]);
        await using (var stream = file.OpenReadStream())
            Report = await importer.ImportAsync(stream, ct);
        if (!Report.Succeeded)
        {
            // An invalid model state also makes the request's transaction roll back.
            ModelState.AddModelError("file", Report.Refusal ?? L["The file has errors: nothing was imported."]);
            return Page();
        }
        TempData["Notice"] = L["IATI import done: {0} projects added, {1} updated.", Report.Added, Report.Updated].Value;
        return Redirect($"/{tenant.OrganizationSlug}/projects");
    }

    private PageResult Refuse(string message)
    {
        Report = new IatiImportReport { Refusal = message };
        ModelState.AddModelError("file", message);
        return Page();
    }
}
