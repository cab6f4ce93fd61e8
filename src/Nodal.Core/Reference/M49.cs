namespace Nodal.Core.Reference;

/// <summary>
/// UN M49 world regions and sub-regions, names in es/en/fr, and the sub-region of each country.
/// TEMPORARY: the data is being added as embedded reference data.
/// </summary>
public static class M49
{
    /// <summary>A region (level 1: Africa, Americas…) or sub-region (level 2: Northern Africa, South America…).</summary>
    public sealed record Area(string Code, int Level, string? ParentCode, LocalizedText Name);

    public static IReadOnlyList<Area> Areas { get; } = [];

    public static bool IsArea(string? code) => code is not null && Areas.Any(a => a.Code == code);
    public static Area? Find(string code) => Areas.FirstOrDefault(a => a.Code == code);
    /// <summary>The M49 sub-region of an ISO 3166-1 alpha-2 country, or null when unknown.</summary>
    public static string? SubRegionOf(string country) => null;
    /// <summary>The M49 region (continent level) of an ISO 3166-1 alpha-2 country, or null when unknown.</summary>
    public static string? RegionOf(string country) => null;
    public static string Name(string code, string language) => Find(code)?.Name.Get(language) ?? code;
}
