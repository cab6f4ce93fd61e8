// TEMPORARY: the contract of Nodal.Core.Reference.Gazetteer and CityNetworks, being built on branch wt-gaz.
// A handful of places stand in for the real gazetteer until that branch is merged; delete this file then.
using System.Globalization;
using System.Text;

namespace Nodal.Core.Reference;

public static class Gazetteer
{
    public sealed record City(int Id, string Name, string AsciiName, string Country, string? Admin1, long Population, double Latitude, double Longitude);

    public enum MatchKind { Unique, Ambiguous, Unknown }

    public sealed record MatchResult(MatchKind Kind, IReadOnlyList<City> Candidates);

    private static readonly City[] Cities =
    [
        new(2995469, "Marseille", "Marseille", "FR", "Provence-Alpes-Côte d'Azur", 870731, 43.29695, 5.38107),
        new(3117735, "Madrid", "Madrid", "ES", "Madrid", 3255944, 40.4165, -3.70256),
        new(3530597, "Mexico City", "Mexico City", "MX", "Mexico City", 12294193, 19.42847, -99.12766),
        new(2253354, "Dakar", "Dakar", "SN", "Dakar", 2476400, 14.6937, -17.44406),
        new(4409896, "Springfield", "Springfield", "US", "Missouri", 166810, 37.21533, -93.29824),
        new(4250542, "Springfield", "Springfield", "US", "Illinois", 116565, 39.80172, -89.64371),
        new(4951788, "Springfield", "Springfield", "US", "Massachusetts", 153703, 42.10148, -72.58981),
        new(4520760, "Springfield", "Springfield", "US", "Ohio", 58662, 39.92423, -83.80882),
        new(5754005, "Springfield", "Springfield", "US", "Oregon", 61851, 44.04624, -123.02203),
        new(3165524, "Torino", "Torino", "IT", "Piedmont", 870456, 45.07049, 7.68682),
        new(3169070, "Roma", "Roma", "IT", "Lazio", 2318895, 41.89193, 12.51133),
    ];

    public static City? Find(int id) => Cities.FirstOrDefault(c => c.Id == id);

    public static IReadOnlyList<City> Search(string query, string? country = null, int limit = 20)
    {
        var q = Normalize(query);
        if (q.Length == 0) return [];
        return Cities.Where(c => (country is null || c.Country.Equals(country, StringComparison.OrdinalIgnoreCase)) && Normalize(c.Name).StartsWith(q, StringComparison.Ordinal))
            .OrderByDescending(c => c.Population).Take(limit).ToList();
    }

    public static MatchResult Match(string name, string country)
    {
        var n = Normalize(name);
        var found = Cities.Where(c => c.Country.Equals(country, StringComparison.OrdinalIgnoreCase) && Normalize(c.Name) == n).OrderByDescending(c => c.Population).ToList();
        if (found.Count == 1) return new MatchResult(MatchKind.Unique, found);
        if (found.Count > 1) return new MatchResult(MatchKind.Ambiguous, found);
        return new MatchResult(MatchKind.Unknown, Cities.Where(c => c.Country.Equals(country, StringComparison.OrdinalIgnoreCase) && n.Length > 0 && Normalize(c.Name)[0] == n[0]).Take(5).ToList());
    }

    public static string Normalize(string value)
    {
        var d = (value ?? "").Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in d)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

public static class CityNetworks
{
    public sealed record Network(string Code, string Acronym, LocalizedText Name, string Scope, string Focus, int? Founded, string? HeadquartersCountry, string? Website, LocalizedText Description);

    public static IReadOnlyList<Network> All { get; } =
    [
        new("metropolis", "Metropolis", new LocalizedText("Metropolis", "Metropolis", "Metropolis"), "global", "metropolitan", 1985, "ES", "https://www.metropolis.org", new LocalizedText()),
        new("uclg", "UCLG", new LocalizedText("Ciudades y Gobiernos Locales Unidos", "United Cities and Local Governments", "Cités et Gouvernements Locaux Unis"), "global", "political", 2004, "ES", "https://www.uclg.org", new LocalizedText()),
        new("iclei", "ICLEI", new LocalizedText("ICLEI – Gobiernos Locales por la Sostenibilidad", "ICLEI – Local Governments for Sustainability", "ICLEI – Gouvernements locaux pour le développement durable"), "global", "sustainability", 1990, "DE", "https://iclei.org", new LocalizedText()),
    ];

    public static Network? Find(string? code) => code is null ? null : All.FirstOrDefault(n => n.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
}
