namespace Nodal.Web.Features.Counterparts;

/// <summary>What the gazetteer picker shows: the cities found for a query and the one picked.</summary>
public sealed record GazetteerCandidates(IReadOnlyList<Gazetteer.City> Cities, int? Selected, string? Query);

/// <summary>
/// The gazetteer picker's candidates as an HTML fragment, for the counterpart form's search box (htmx).
/// Takes q and country (or the form's own Input.Country and Input.GazetteerId, which htmx includes).
/// </summary>
public sealed class GazetteerModel : PageModel
{
    public GazetteerCandidates Candidates { get; private set; } = null!;

    public void OnGet([FromQuery(Name = "q")] string? q, [FromQuery(Name = "country")] string? country,
        [FromQuery(Name = "Input.Country")] string? formCountry, [FromQuery(Name = "Input.GazetteerId")] int? selected)
    {
        var query = q?.Trim() ?? "";
        var inCountry = string.IsNullOrWhiteSpace(country) ? formCountry : country;
        var cities = query.Length == 0 ? [] : Gazetteer.Search(query, string.IsNullOrWhiteSpace(inCountry) ? null : inCountry.Trim());
        Candidates = new GazetteerCandidates(cities, selected, query);
    }
}
