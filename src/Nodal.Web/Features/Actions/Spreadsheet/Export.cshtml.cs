namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>Downloads a plan's actions: /{org}/actions/export?format=xlsx|csv&amp;plan=&lt;id&gt; (the current plan by default).</summary>
[Requires(Capability.Read)]
public sealed class ExportModel(ActionSpreadsheet sheets) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, Guid? plan, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var found = await sheets.FindPlanAsync(plan, ct);
        if (found is null) return NotFound();
        var file = await sheets.ExportAsync(f, found, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
