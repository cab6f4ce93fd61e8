namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>Downloads the import template: /{org}/actions/template?format=xlsx|csv&amp;plan=&lt;id&gt;.</summary>
[Requires(Capability.Read)]
public sealed class TemplateModel(ActionSpreadsheet sheets) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, Guid? plan, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var file = await sheets.TemplateAsync(f, await sheets.FindPlanAsync(plan, ct), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
