using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Evaluations;

/// <summary>The library of good practices: search across the three languages, filters, cards; htmx refreshes only the results.</summary>
public sealed class GoodPracticesModel(GoodPracticeService library) : PageModel
{
    [BindProperty(SupportsGet = true)] public GoodPracticeQuery Query { get; set; } = new();
    public PagedList<GoodPracticeCard> Results { get; private set; } = null!;
    public GoodPracticeFacets Facets { get; private set; } = null!;
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        (Results, Facets) = await library.SearchAsync(Query, ct);
    }
}

/// <summary>Downloads the library (with its search and filters): /{org}/good-practices/export?format=xlsx|csv.</summary>
public sealed class GoodPracticesExportModel(GoodPracticeService library) : PageModel
{
    [BindProperty(SupportsGet = true)] public GoodPracticeQuery Query { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadRequest();
        var (content, type, name) = await library.ExportAsync(f, Query, ct);
        return File(content, type, name);
    }
}
