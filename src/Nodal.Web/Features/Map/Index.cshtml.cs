namespace Nodal.Web.Features.Map;

/// <summary>The world map of the relations: countries shaded, places as circles, the same numbers in tables.</summary>
public sealed class IndexModel(MapService map) : PageModel
{
    [BindProperty(SupportsGet = true)] public MapQuery Query { get; set; } = new();
    public MapData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Values the form cannot send are ignored, like no filter.
        if (Query.From is not (>= 1900 and <= 2200)) Query.From = null;
        if (Query.To is not (>= 1900 and <= 2200)) Query.To = null;
        if (Query.Status is { } s && !Enum.IsDefined(s)) Query.Status = null;
        if (Query.Kind is { } k && !Enum.IsDefined(k)) Query.Kind = null;
        Data = await map.LoadAsync(Query, Languages.Current, ct);
    }

    /// <summary>The years the period filter offers.</summary>
    public IEnumerable<int> Years()
    {
        var now = DateTime.UtcNow.Year;
        return Enumerable.Range(now - 40, 46).Reverse();
    }
}
