
namespace Nodal.Web.Features.Office;

/// <summary>The office's two lists on one page, each with its own search, sort and page (units: u…, years: y…);
/// an htmx search refreshes only the list it targets.</summary>
public sealed class IndexModel(OfficeService office) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "uq")] public string? UnitQ { get; set; }
    [BindProperty(SupportsGet = true, Name = "usort")] public string? UnitSort { get; set; }
    [BindProperty(SupportsGet = true, Name = "udir")] public string? UnitDir { get; set; }
    [BindProperty(SupportsGet = true, Name = "upage")] public int? UnitPage { get; set; }
    [BindProperty(SupportsGet = true, Name = "yq")] public string? YearQ { get; set; }
    [BindProperty(SupportsGet = true, Name = "yfrom")] public int? YearFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "yto")] public int? YearTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "ysort")] public string? YearSort { get; set; }
    [BindProperty(SupportsGet = true, Name = "ydir")] public string? YearDir { get; set; }
    [BindProperty(SupportsGet = true, Name = "ypage")] public int? YearPage { get; set; }

    public PagedList<OfficeUnitDto> Units { get; private set; } = null!;
    public PagedList<OfficeYearDto> Years { get; private set; } = null!;
    /// <summary>The list an htmx request refreshes ("unit-list" or "year-list"); null for the whole page.</summary>
    public string? HtmxTarget { get; private set; }

    public const int PageSize = 20;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request")
            && Request.Headers["HX-Target"].ToString() is "unit-list" or "year-list")
            HtmxTarget = Request.Headers["HX-Target"].ToString();
        Units = await office.ListUnitsAsync(new ListQuery { Q = UnitQ, Sort = UnitSort, Dir = UnitDir, Page = UnitPage, PageSize = PageSize }, ct);
        Years = await office.ListYearsAsync(new OfficeYearListQuery { Q = YearQ, From = YearFrom, To = YearTo, Sort = YearSort, Dir = YearDir, Page = YearPage, PageSize = PageSize }, ct);
    }

    /// <summary>This page's address with both lists' state, changed by <paramref name="changes"/> (a null value drops the key).</summary>
    public string ListUrl(string? org, params (string Key, object? Value)[] changes)
    {
        var state = new List<(string Key, object? Value)>
        {
            ("uq", UnitQ), ("usort", UnitSort), ("udir", UnitDir), ("upage", UnitPage),
            ("yq", YearQ), ("yfrom", YearFrom), ("yto", YearTo), ("ysort", YearSort), ("ydir", YearDir), ("ypage", YearPage),
        };
        foreach (var (key, value) in changes)
        {
            var i = state.FindIndex(s => s.Key == key);
            state[i] = (key, value);
        }
        var query = Listing.QueryString([.. state]);
        return query.Length == 0 ? $"/{org}/office" : $"/{org}/office?{query}";
    }
}
