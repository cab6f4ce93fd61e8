using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Counterparts;

/// <summary>Downloads the counterparts (with the list's filters): /{org}/counterparts/export?format=xlsx|csv.</summary>
[Requires(Capability.Read)]
public sealed class ExportModel(CounterpartSpreadsheet sheets) : PageModel
{
    [BindProperty(SupportsGet = true)] public CounterpartListQuery Query { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = await sheets.ExportAsync(f, Query, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}

/// <summary>Downloads the empty import file: /{org}/counterparts/template?format=xlsx|csv.</summary>
[Requires(Capability.Read)]
public sealed class TemplateModel(CounterpartSpreadsheet sheets) : PageModel
{
    public IActionResult OnGet(string? format)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = sheets.Template(f);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
