using System.Text.Json;
using Nodal.Core;
using Nodal.Core.Reference;

namespace Nodal.Tests;

public sealed class ReferenceDataTests
{
    // ---------- Sustainable Development Goals ----------

    [Fact]
    public void There_are_17_goals_numbered_1_to_17()
    {
        Assert.Equal(17, Sdg.Goals.Count);
        Assert.Equal(Enumerable.Range(1, 17), Sdg.Goals.Select(g => g.Number));
        Assert.All(Enumerable.Range(1, 17), n => Assert.Equal(n, Sdg.FindGoal(n)!.Number));
        Assert.Null(Sdg.FindGoal(0));
        Assert.Null(Sdg.FindGoal(18));
    }

    [Fact]
    public void There_are_169_distinct_targets_each_under_an_existing_goal()
    {
        Assert.Equal(169, Sdg.Targets.Count);
        Assert.Equal(169, Sdg.Targets.Select(t => t.Code).Distinct().Count());
        Assert.All(Sdg.Targets, t =>
        {
            Assert.True(Sdg.IsGoal(t.Goal), t.Code);
            Assert.Equal($"{t.Goal}", t.Code.Split('.')[0]);
            Assert.Equal(t.Goal, Sdg.GoalOf(t.Code));
            Assert.Matches(@"^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$", t.Code);
        });
        Assert.Equal(169, Enumerable.Range(1, 17).Sum(g => Sdg.TargetsOf(g).Count));
        Assert.Equal(19, Sdg.TargetsOf(17).Count);
        Assert.Empty(Sdg.TargetsOf(18));
    }

    [Fact]
    public void Targets_are_ordered_by_goal_then_numbers_then_letters()
    {
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"], Sdg.TargetsOf(1).Select(t => t.Code));
        Assert.Equal("17.19", Sdg.Targets[^1].Code);
        var goal17 = Sdg.TargetsOf(17).Select(t => t.Code).ToList();
        Assert.True(goal17.IndexOf("17.2") < goal17.IndexOf("17.10"));
        Assert.Equal(Sdg.Targets.Select(t => t.Goal).Order(), Sdg.Targets.Select(t => t.Goal));
    }

    [Fact]
    public void Every_goal_and_target_has_its_texts_in_spanish_english_and_french()
    {
        foreach (var goal in Sdg.Goals)
            foreach (var language in LocalizedText.Languages)
            {
                Assert.False(string.IsNullOrWhiteSpace(goal.Short[language]), $"goal {goal.Number} short {language}");
                Assert.False(string.IsNullOrWhiteSpace(goal.Title[language]), $"goal {goal.Number} title {language}");
            }
        foreach (var target in Sdg.Targets)
            foreach (var language in LocalizedText.Languages)
                Assert.False(string.IsNullOrWhiteSpace(target.Title[language]), $"target {target.Code} {language}");
    }

    [Fact]
    public void Texts_are_stored_composed_so_they_compare_like_typed_text()
    {
        var texts = Sdg.Goals.SelectMany(g => new[] { g.Short, g.Title })
            .Concat(Sdg.Targets.Select(t => t.Title))
            .Concat(M49.Areas.Select(a => a.Name))
            .SelectMany(t => LocalizedText.Languages.Select(l => t[l]!));
        Assert.All(texts, s => Assert.True(s.IsNormalized(System.Text.NormalizationForm.FormC), s));
    }

    [Fact]
    public void Titles_are_the_official_texts()
    {
        var t112 = Sdg.FindTarget("11.2")!;
        Assert.StartsWith("By 2030, provide access to safe, affordable, accessible and sustainable transport systems", t112.Title.En);
        Assert.StartsWith("De aquí a 2030, proporcionar acceso a sistemas de transporte seguros, asequibles, accesibles y sostenibles", t112.Title.Es);
        Assert.StartsWith("D’ici à 2030, assurer l’accès de tous à des systèmes de transport sûrs", t112.Title.Fr);
        Assert.DoesNotContain("  ", t112.Title.En); // folded YAML lines are joined with one space

        var goal11 = Sdg.FindGoal(11)!;
        Assert.Equal("Sustainable cities and communities", goal11.Short.En);
        Assert.Equal("Make cities and human settlements inclusive, safe, resilient and sustainable", goal11.Title.En);
        Assert.Equal("Poner fin a la pobreza en todas sus formas y en todo el mundo", Sdg.FindGoal(1)!.Title.Es);
        Assert.Equal("Éliminer la pauvreté sous toutes ses formes et partout dans le monde", Sdg.FindGoal(1)!.Title.Fr);
        Assert.StartsWith("Ensure significant mobilization of resources", Sdg.FindTarget("1.a")!.Title.En);
    }

    [Theory]
    [InlineData("11.2", true)]
    [InlineData("1.1", true)]
    [InlineData("1.a", true)]
    [InlineData("1.A", true)]   // the letter in either case
    [InlineData("17.19", true)]
    [InlineData("11.8", false)] // shaped like a target, but goal 11 has 11.1–11.7 and 11.a–11.c
    [InlineData("18.1", false)]
    [InlineData("17.20", false)]
    [InlineData("1.c", false)]
    [InlineData("01.1", false)]
    [InlineData("11", false)]
    [InlineData(" 11.2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsTarget_accepts_exactly_the_169_codes(string? code, bool expected) => Assert.Equal(expected, Sdg.IsTarget(code));

    [Fact]
    public void Target_codes_normalize_to_lower_case()
    {
        Assert.Equal("1.a", Sdg.NormalizeTarget("1.A"));
        Assert.Equal("1.a", Sdg.FindTarget("1.A")!.Code);
        Assert.Null(Sdg.NormalizeTarget("11.8"));
        Assert.Equal(11, Sdg.GoalOf("11.C"));
        Assert.Equal(0, Sdg.GoalOf("11.8"));
    }

    // ---------- UN M49 ----------

    /// <summary>Countries of countries.json with no M49 region, and why.</summary>
    private static readonly Dictionary<string, string> WithoutRegion = new()
    {
        ["AQ"] = "M49 places Antarctica directly under World (001), outside every region",
    };

    private static IReadOnlyList<string> IsoCountries()
    {
        using var stream = typeof(LocalizedText).Assembly.GetManifestResourceStream("Nodal.Core.Reference.countries.json")!;
        using var doc = JsonDocument.Parse(stream);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
    }

    [Fact]
    public void Every_country_has_a_region_and_a_sub_region_except_those_listed()
    {
        var countries = IsoCountries();
        Assert.Equal(249, countries.Count);
        foreach (var country in countries)
        {
            if (WithoutRegion.ContainsKey(country))
            {
                Assert.Null(M49.RegionOf(country));
                Assert.Null(M49.SubRegionOf(country));
                continue;
            }
            var region = M49.RegionOf(country);
            var subRegion = M49.SubRegionOf(country);
            Assert.True(region is not null && M49.Find(region)!.Level == 1, $"{country} region {region}");
            Assert.True(subRegion is not null && M49.Find(subRegion)!.Level == 2, $"{country} sub-region {subRegion}");
            Assert.Equal(region, M49.Find(subRegion!)!.ParentCode);
            var intermediate = M49.IntermediateRegionOf(country);
            if (intermediate is not null) Assert.Equal(subRegion, M49.Find(intermediate)!.ParentCode);
        }
        Assert.Equal(countries.Where(c => !WithoutRegion.ContainsKey(c)).Order(StringComparer.Ordinal), M49.Countries);
    }

    [Theory]
    [InlineData("FR", "150", "155", null)]
    [InlineData("ES", "150", "039", null)]
    [InlineData("DE", "150", "155", null)]
    [InlineData("MX", "019", "419", "013")]
    [InlineData("AR", "019", "419", "005")]
    [InlineData("CU", "019", "419", "029")]
    [InlineData("US", "019", "021", null)]
    [InlineData("SN", "002", "202", "011")]
    [InlineData("MA", "002", "015", null)]
    [InlineData("CN", "142", "030", null)]
    [InlineData("TR", "142", "145", null)]
    [InlineData("AU", "009", "053", null)]
    [InlineData("GG", "150", "154", "830")] // Channel Islands
    [InlineData("TW", "142", "030", null)]  // not in M49: placed by Nodal in its geographic sub-region
    [InlineData("sn", "002", "202", "011")] // country codes in either case
    public void Countries_sit_in_their_M49_areas(string country, string region, string subRegion, string? intermediate)
    {
        Assert.Equal(region, M49.RegionOf(country));
        Assert.Equal(subRegion, M49.SubRegionOf(country));
        Assert.Equal(intermediate, M49.IntermediateRegionOf(country));
        Assert.Equal(region, M49.AreaOf(country, 1));
        Assert.True(M49.Contains(subRegion, country));
    }

    [Fact]
    public void The_five_regions_and_their_areas()
    {
        Assert.Equal(["002", "019", "142", "150", "009"], M49.Regions.Select(a => a.Code));
        Assert.Equal(["015", "202"], M49.ChildrenOf("002").Select(a => a.Code));
        Assert.Equal(["011", "014", "017", "018"], M49.ChildrenOf("202").Select(a => a.Code));
        Assert.Equal(["021", "419"], M49.ChildrenOf("019").Select(a => a.Code));
        Assert.Equal(["005", "013", "029"], M49.ChildrenOf("419").Select(a => a.Code));
        Assert.Equal(5, M49.Areas.Count(a => a.Level == 1));
        Assert.Equal(17, M49.Areas.Count(a => a.Level == 2));
        Assert.Equal(8, M49.Areas.Count(a => a.Level == 3));
        Assert.All(M49.Areas, a => Assert.Equal(a.Level == 1, a.ParentCode is null));
        Assert.True(M49.IsArea("419"));
        Assert.False(M49.IsArea("001")); // World is not an area here
        Assert.False(M49.IsArea("724")); // a country code is not an area
        Assert.False(M49.IsArea(null));
    }

    [Fact]
    public void Area_names_are_present_in_spanish_english_and_french()
    {
        foreach (var area in M49.Areas)
            foreach (var language in LocalizedText.Languages)
                Assert.False(string.IsNullOrWhiteSpace(area.Name[language]), $"{area.Code} {language}");
        Assert.Equal("Latin America and the Caribbean", M49.Name("419", "en"));
        Assert.Equal("América Latina y el Caribe", M49.Name("419", "es"));
        Assert.Equal("Amérique latine et Caraïbes", M49.Name("419", "fr"));
        Assert.Equal("Europa occidental", M49.Name("155", "es"));
        Assert.Equal("Afrique subsaharienne", M49.Name("202", "fr"));
        Assert.Equal("999", M49.Name("999", "en")); // unknown codes read as themselves
    }

    [Fact]
    public void CountriesIn_gathers_every_level_below_an_area()
    {
        var europe = M49.CountriesIn("150");
        Assert.Contains("ES", europe);
        Assert.Contains("DE", europe);
        Assert.DoesNotContain("TR", europe);
        Assert.Contains("GG", M49.CountriesIn("830"));
        Assert.Contains("MX", M49.CountriesIn("019"));
        Assert.Contains("MX", M49.CountriesIn("419"));
        Assert.Contains("MX", M49.CountriesIn("013"));
        Assert.Contains("SN", M49.CountriesIn("002"));
        Assert.Equal(
            M49.ChildrenOf("419").Sum(a => M49.CountriesIn(a.Code).Count),
            M49.CountriesIn("419").Count);
        Assert.Equal(M49.Countries.Count, M49.Regions.Sum(r => M49.CountriesIn(r.Code).Count));
        Assert.Empty(M49.CountriesIn("999"));
    }
}
