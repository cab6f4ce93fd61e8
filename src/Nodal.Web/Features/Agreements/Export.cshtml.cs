using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Agreements;

/// <summary>Downloads the agreements (with the list's search and filters): /{org}/agreements/export?format=xlsx|csv.</summary>
[Requires(Capability.Read)]
public sealed class ExportModel(AgreementSpreadsheet sheets) : PageModel
{
    [BindProperty(SupportsGet = true)] public AgreementListQuery Query { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = await sheets.ExportAsync(f, Query, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}

/// <summary>Downloads the empty import file with its Help sheet: /{org}/agreements/template?format=xlsx|csv.</summary>
[Requires(Capability.Read)]
public sealed class TemplateModel(AgreementSpreadsheet sheets) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = await sheets.TemplateAsync(f, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
