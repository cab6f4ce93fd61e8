using System.Diagnostics;
using System.Text.Json;
using Nodal.Core;
using Nodal.Core.Reference;

namespace Nodal.Tests;

public sealed class GazetteerTests
{
    private const int SaoPaulo = 3448439;
    private const int ParisFrance = 2988507;
    private const int NewYorkCity = 5128581;

    private static IReadOnlySet<string> IsoCountries()
    {
        using var stream = typeof(LocalizedText).Assembly.GetManifestResourceStream("Nodal.Core.Reference.countries.json")!;
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    // ---------- The data ----------

    [Fact]
    public void The_gazetteer_holds_the_cities_of_5000_inhabitants_or_more_largest_first()
    {
        var all = Gazetteer.All;
        Assert.InRange(all.Count, 40_000, 60_000);
        Assert.All(all, c =>
        {
            Assert.True(c.Population >= 5000, $"{c.Id} {c.Name}");
            Assert.InRange(c.Latitude, -90, 90);
            Assert.InRange(c.Longitude, -180, 180);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.Matches("^[\\x20-\\x7E]+$", c.AsciiName);
            Assert.True(c.Admin1 is null || c.Admin1.Length > 0);
        });
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
        Assert.Equal(all.Select(c => c.Population).OrderDescending(), all.Select(c => c.Population));
        Assert.Equal("Łódź", Gazetteer.Find(3093133)!.Name);
        Assert.Equal("Lodz", Gazetteer.Find(3093133)!.AsciiName);
    }

    [Fact]
    public void Every_country_of_the_gazetteer_and_of_the_networks_is_in_the_country_list()
    {
        var iso = IsoCountries();
        Assert.All(Gazetteer.Countries, c => Assert.Contains(c, iso));
        Assert.All(Gazetteer.All, c => Assert.Contains(c.Country, iso));
        Assert.All(CityNetworks.All.Where(n => n.HeadquartersCountry is not null), n => Assert.Contains(n.HeadquartersCountry!, iso));
        Assert.True(Gazetteer.Countries.Count > 200);
    }

    [Fact]
    public void Find_returns_the_city_of_an_id()
    {
        foreach (var city in Gazetteer.All.Where((_, i) => i % 997 == 0))
            Assert.Same(city, Gazetteer.Find(city.Id));
        var saoPaulo = Gazetteer.Find(SaoPaulo)!;
        Assert.Equal(("São Paulo", "Sao Paulo", "BR"), (saoPaulo.Name, saoPaulo.AsciiName, saoPaulo.Country));
        Assert.InRange(saoPaulo.Latitude, -23.6, -23.5);
        Assert.InRange(saoPaulo.Longitude, -46.7, -46.6);
        Assert.Null(Gazetteer.Find(0));
        Assert.Null(Gazetteer.Find(-1));
    }

    // ---------- Normalize ----------

    [Theory]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("  SAO   PAULO ", "sao paulo")]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("L'Hospitalet de Llobregat", "lhospitalet de llobregat")]
    [InlineData("L’Hospitalet", "lhospitalet")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Gießen", "giessen")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Zürich (Kreis 7) / Witikon", "zurich kreis 7 witikon")]
    [InlineData("St. Louis", "st louis")]
    [InlineData("København", "kobenhavn")]
    [InlineData("", "")]
    [InlineData(" - ", "")]
    public void Normalize_ignores_case_accents_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, Gazetteer.Normalize(input));

    // ---------- Search ----------

    [Fact]
    public void Search_ignores_accents_and_case_and_puts_the_exact_name_first()
    {
        Assert.Equal(SaoPaulo, Gazetteer.Search("sao paulo")[0].Id);
        Assert.Equal(SaoPaulo, Gazetteer.Search("SÃO PAULO")[0].Id);
        Assert.Equal(SaoPaulo, Gazetteer.Search("Sao-Paulo")[0].Id);
        Assert.Equal(ParisFrance, Gazetteer.Search("paris")[0].Id);
        Assert.Equal("Łódź", Gazetteer.Search("lodz")[0].Name);
        Assert.Equal("Zürich", Gazetteer.Search("zurich")[0].Name);
        Assert.Equal("L'Hospitalet de Llobregat", Gazetteer.Search("hospitalet")[0].Name); // a word after an apostrophe
    }

    [Fact]
    public void Search_orders_exact_names_then_prefixes_then_word_prefixes_each_by_population()
    {
        var york = Gazetteer.Search("york", limit: 50);
        Assert.Contains(york, c => c.Id == NewYorkCity);
        var key = (Gazetteer.City c) =>
        {
            var name = Gazetteer.Normalize(c.Name);
            return name == "york" ? 0 : name.StartsWith("york", StringComparison.Ordinal) ? 1 : 2;
        };
        var groups = york.Select(key).ToList();
        Assert.Equal(groups.Order(), groups);
        Assert.Equal(0, groups[0]);
        foreach (var group in york.GroupBy(key))
            Assert.Equal(group.Select(c => c.Population).OrderDescending(), group.Select(c => c.Population));
        Assert.Contains(Gazetteer.Search("york"), c => c.Id == NewYorkCity); // within the default 20
    }

    [Fact]
    public void Search_can_be_limited_to_a_country()
    {
        var spain = Gazetteer.Search("san", "ES", 30);
        Assert.Equal(30, spain.Count);
        Assert.All(spain, c => Assert.Equal("ES", c.Country));
        Assert.Equal(spain, Gazetteer.Search("san", "es", 30));
        var parisUs = Gazetteer.Search("paris", "US");
        Assert.NotEmpty(parisUs);
        Assert.All(parisUs, c => Assert.Equal("US", c.Country));
        Assert.Empty(Gazetteer.Search("paris", "ZZ"));
    }

    [Fact]
    public void Search_returns_nothing_for_a_blank_query_or_limit()
    {
        Assert.Empty(Gazetteer.Search(""));
        Assert.Empty(Gazetteer.Search("   "));
        Assert.Empty(Gazetteer.Search("-'-"));
        Assert.Empty(Gazetteer.Search("paris", limit: 0));
        Assert.Empty(Gazetteer.Search("xyzzyville"));
        Assert.Equal(5, Gazetteer.Search("a", limit: 5).Count);
    }

    [Fact]
    public void Search_is_fast()
    {
        string[] queries = ["sao paulo", "york", "paris", "barcelona", "san", "new york", "buenos aires", "mex", "saint", "la", "bogota", "montreal"];
        foreach (var q in queries) Gazetteer.Search(q);
        const int rounds = 50;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
            foreach (var q in queries) Gazetteer.Search(q);
        var perQuery = watch.Elapsed.TotalMilliseconds / (rounds * queries.Length);
        Assert.True(perQuery < 5, $"{perQuery:F3} ms per query");
    }

    // ---------- Match ----------

    [Fact]
    public void A_name_that_one_city_dominates_is_unique()
    {
        var paris = Gazetteer.Match("Paris", "FR");
        Assert.Equal(Gazetteer.MatchKind.Unique, paris.Kind);
        Assert.Equal(ParisFrance, Assert.Single(paris.Candidates).Id);
        Assert.Equal(ParisFrance, Gazetteer.Match("PARIS", "fr").Candidates[0].Id);
        Assert.Equal(SaoPaulo, Assert.Single(Gazetteer.Match("Sao Paulo", "BR").Candidates).Id);
        Assert.Equal(Gazetteer.MatchKind.Unique, Gazetteer.Match("Łódź", "PL").Kind);
    }

    [Fact]
    public void Several_cities_of_comparable_size_are_ambiguous()
    {
        // Springfield, Missouri (about 167,000) and Springfield, Massachusetts (about 154,000), and others.
        var springfield = Gazetteer.Match("Springfield", "US");
        Assert.Equal(Gazetteer.MatchKind.Ambiguous, springfield.Kind);
        Assert.True(springfield.Candidates.Count >= 2);
        Assert.All(springfield.Candidates, c => Assert.Equal(("Springfield", "US"), (c.Name, c.Country)));
        Assert.Equal(springfield.Candidates.Select(c => c.Population).OrderDescending(), springfield.Candidates.Select(c => c.Population));
        Assert.True(springfield.Candidates[0].Population < Gazetteer.DominanceFactor * springfield.Candidates[1].Population);
        Assert.Equal(["MO", "MA"], springfield.Candidates.Take(2).Select(c => c.Admin1));

        Assert.Equal(Gazetteer.MatchKind.Ambiguous, Gazetteer.Match("San Pedro", "MX").Kind);
    }

    [Fact]
    public void An_unknown_name_suggests_cities_starting_with_it()
    {
        var none = Gazetteer.Match("Xyzzyville", "ES");
        Assert.Equal(Gazetteer.MatchKind.Unknown, none.Kind);
        Assert.Empty(none.Candidates);

        var sevill = Gazetteer.Match("Sevill", "ES");
        Assert.Equal(Gazetteer.MatchKind.Unknown, sevill.Kind);
        Assert.Equal("Sevilla", sevill.Candidates[0].Name);
        Assert.InRange(sevill.Candidates.Count, 1, Gazetteer.SuggestionCount);
        Assert.All(sevill.Candidates, c => Assert.Equal("ES", c.Country));
        Assert.True(Gazetteer.Match("San", "ES").Candidates.Count == Gazetteer.SuggestionCount);
    }

    [Theory]
    [InlineData("Paris", "ZZ")]
    [InlineData("Paris", "")]
    [InlineData("Paris", "FRA")]
    [InlineData("", "FR")]
    public void An_unknown_country_or_a_blank_name_is_unknown_without_candidates(string name, string country)
    {
        var match = Gazetteer.Match(name, country);
        Assert.Equal(Gazetteer.MatchKind.Unknown, match.Kind);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void Gazetteer_is_safe_to_use_from_several_threads()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 64, i => results.Add(Gazetteer.Search(i % 2 == 0 ? "paris" : "sao paulo")[0].Id));
        Assert.Equal(64, results.Count);
        Assert.All(results, id => Assert.Contains(id, new[] { ParisFrance, SaoPaulo }));
    }

    // ---------- City networks ----------

    [Fact]
    public void Every_network_has_its_names_and_description_in_spanish_english_and_french()
    {
        Assert.True(CityNetworks.All.Count >= 25);
        foreach (var network in CityNetworks.All)
            foreach (var language in LocalizedText.Languages)
            {
                Assert.False(string.IsNullOrWhiteSpace(network.Name[language]), $"{network.Code} name {language}");
                Assert.False(string.IsNullOrWhiteSpace(network.Description[language]), $"{network.Code} description {language}");
                Assert.True(network.Name[language]!.IsNormalized(System.Text.NormalizationForm.FormC));
                Assert.True(network.Description[language]!.IsNormalized(System.Text.NormalizationForm.FormC));
            }
    }

    [Fact]
    public void Network_codes_are_unique_and_the_fields_well_formed()
    {
        Assert.Equal(CityNetworks.All.Count, CityNetworks.All.Select(n => n.Code.ToLowerInvariant()).Distinct().Count());
        Assert.All(CityNetworks.All, n =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", n.Code);
            Assert.Contains(n.Scope, new[] { CityNetworks.Global, CityNetworks.Regional });
            Assert.Contains(n.Focus, new[] { CityNetworks.Political, CityNetworks.Thematic });
            Assert.True(n.Founded is null or (>= 1900 and <= 2025), n.Code);
            Assert.True(n.Website is null || Uri.TryCreate(n.Website, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http", n.Code);
        });
        foreach (var code in new[] { "metropolis", "uclg", "iclei", "c40", "mercociudades", "ucci", "eurocities", "aimf", "clgf", "uclg-africa",
                     "cideu", "energy-cities", "gcom", "strong-cities", "cities-alliance", "mayors-for-peace", "icc", "uccn", "gpm", "flacma",
                     "cemr", "medcities", "ato", "citynet", "uclg-aspac", "rainbow-cities", "wego" })
            Assert.NotNull(CityNetworks.Find(code));
    }

    [Fact]
    public void Find_a_network_in_any_case()
    {
        var uclg = CityNetworks.Find("uclg")!;
        Assert.Same(uclg, CityNetworks.Find("UCLG"));
        Assert.Same(uclg, CityNetworks.Find(" Uclg "));
        Assert.Equal("Ciudades y Gobiernos Locales Unidos", uclg.Name.Es);
        Assert.Equal("Cités et Gouvernements Locaux Unis", uclg.Name.Fr);
        Assert.Equal(("global", "political", 2004, "ES"), (uclg.Scope, uclg.Focus, uclg.Founded, uclg.HeadquartersCountry));
        Assert.Equal("Mercocities", CityNetworks.Find("MERCOCIUDADES")!.Name.En);
        Assert.Null(CityNetworks.Find("urbact"));
        Assert.Null(CityNetworks.Find(""));
    }
}
