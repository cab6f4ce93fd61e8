using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Nodal.Web.Features.Evaluations;

namespace Nodal.Tests;

/// <summary>The search of the library ignores case and accents the same way everywhere.</summary>
public sealed class GoodPracticeTextTests
{
    [Theory]
    [InlineData("MOVILIDAD", "movilidad")]
    [InlineData("Movilidád", "movilidad")]
    [InlineData("Mobilité  Durable", "mobilite durable")]
    [InlineData("Cœur de ville", "coeur de ville")]
    [InlineData("", "")]
    public void Folding_drops_case_and_accents(string input, string folded) => Assert.Equal(folded, EvaluationText.Fold(input));

    [Fact]
    public void Themes_are_split_trimmed_lower_cased_and_kept_once()
    {
        Assert.Equal(["movilidad", "vivienda social", "economía"],
            EvaluationText.NormalizeThemes(["Movilidad, VIVIENDA   social\nmovilidad", " Economía ;economia", null, ""]));
    }

    [Theory]
    [InlineData("Proposed", "Accepted", true)]
    [InlineData("Proposed", "Rejected", true)]
    [InlineData("Proposed", "Done", false)]
    [InlineData("Proposed", "InProgress", false)]
    [InlineData("Accepted", "InProgress", true)]
    [InlineData("InProgress", "Done", true)]
    [InlineData("InProgress", "Rejected", false)]
    [InlineData("Done", "Proposed", false)]
    [InlineData("Rejected", "Accepted", false)]
    [InlineData("Done", "Done", true)]
    public void Recommendations_follow_their_flow(string from, string to, bool allowed) =>
        Assert.Equal(allowed, RecommendationFlow.CanMove(Enum.Parse<Nodal.Core.Monitoring.RecommendationStatus>(from), Enum.Parse<Nodal.Core.Monitoring.RecommendationStatus>(to)));

    [Fact]
    public void Overdue_means_due_before_today_and_neither_done_nor_rejected()
    {
        var today = new DateOnly(2026, 5, 10);
        Assert.True(RecommendationFlow.IsOverdue(Nodal.Core.Monitoring.RecommendationStatus.Accepted, today.AddDays(-1), today));
        Assert.False(RecommendationFlow.IsOverdue(Nodal.Core.Monitoring.RecommendationStatus.Accepted, today, today));
        Assert.False(RecommendationFlow.IsOverdue(Nodal.Core.Monitoring.RecommendationStatus.Done, today.AddDays(-9), today));
        Assert.False(RecommendationFlow.IsOverdue(Nodal.Core.Monitoring.RecommendationStatus.Rejected, today.AddDays(-9), today));
        Assert.False(RecommendationFlow.IsOverdue(Nodal.Core.Monitoring.RecommendationStatus.Proposed, null, today));
    }
}

/// <summary>The library of good practices: search in three languages ignoring case and accents, filters, order, page and export, on each database.</summary>
public abstract class GoodPracticeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task The_library_finds_practices_whatever_the_case_accents_or_language_and_filters_them()
    {
        var p = await EvaluationFixtures.NewPlanAsync(app);
        using var api = await app.ApiClientAsync(EvaluationFixtures.Coordinator);
        var tag = EvaluationFixtures.Code("GP");
        var word = "zq" + tag.ToLowerInvariant(); // a word only these practices carry
        var mobility = await EvaluationFixtures.CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-M", title = new { es = $"Movilidad compartida {word}" }, kind = "Process", scope = "Action", actionId = p.Action,
            status = "Completed", evaluators = "Internal", start = "2024-03-01", end = "2024-10-01", isGoodPractice = true,
            practiceSummary = new { es = "Bicicletas compartidas entre barrios.", fr = "Le covoiturage solidaire entre quartiers." },
            themes = new[] { "Movilidad", "Barrios" }, sdgTargets = new[] { "11.2" },
        });
        var systematization = await EvaluationFixtures.CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-S", title = new { es = $"Vivienda asequible {word}", en = "Affordable housing" }, kind = "Systematization", scope = "Plan",
            status = "Completed", evaluators = "External", start = "2025-01-01", end = "2025-06-01", isGoodPractice = true,
            practiceSummary = new { es = "Cooperativas de vivienda." }, findings = new { en = "Tenants stayed in the neighbourhood; MOVILIDÁD was not studied." },
            themes = new[] { "Vivienda" }, sdgTargets = new[] { "11.1", "1.4" },
        });
        // Not a good practice: never in the library, even when it matches.
        var plain = await EvaluationFixtures.CreateAsync(api, new
        {
            planId = p.Plan, code = tag + "-N", title = new { es = $"Movilidad sin buena práctica {word}" }, kind = "Impact", scope = "Plan",
            status = "Planned", evaluators = "Internal", themes = new[] { "Movilidad" },
        });

        async Task<string> Codes(string query)
        {
            var page = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/good-practices?pageSize=200&{query}"))!;
            return string.Join(",", page["items"]!.AsArray().Select(i => (string)i!["code"]!).Where(c => c.StartsWith(tag, StringComparison.Ordinal)).Select(c => c[(tag.Length + 1)..]));
        }

        // Systematizations first; the other one after.
        Assert.Equal("S,M", await Codes($"q={word}"));
        Assert.Equal("S,M", await Codes($"q={word}%20MOVILIDAD")); // the systematization mentions it in its English findings
        Assert.Equal("S,M", await Codes($"q=movilidad%20{word}")); // the order of the words does not matter
        Assert.Equal("M", await Codes($"q={word}%20movilidad%20compartida"));
        Assert.Equal("M", await Codes($"q=MOVILIDÁD%20COMPARTÍDA%20{word.ToUpperInvariant()}"));
        Assert.Equal("M", await Codes($"q=movilidad%20compartida%20{word}"));
        Assert.Equal("M", await Codes("q=" + Uri.EscapeDataString($"covoiturage {word}"))); // French summary
        Assert.Equal("M", await Codes("q=" + Uri.EscapeDataString($"QUARTIERS solidaire {word}")));
        Assert.Equal("S", await Codes("q=" + Uri.EscapeDataString($"neighbourhood {word}"))); // English findings
        Assert.Equal("M", await Codes("q=" + Uri.EscapeDataString($"barrios {word}"))); // a theme (and the Spanish summary)
        Assert.Equal("", await Codes("q=" + Uri.EscapeDataString($"sin buena práctica {word}")));
        Assert.Equal("S", await Codes($"q={word}&theme=VIVIENDA"));
        Assert.Equal("M", await Codes($"q={word}&theme=movilidád"));
        Assert.Equal("S", await Codes($"q={word}&sdg=1"));
        Assert.Equal("S,M", await Codes($"q={word}&sdg=11"));
        Assert.Equal("M", await Codes($"q={word}&kind=Process"));
        Assert.Equal("M", await Codes($"q={word}&year=2024"));
        Assert.Equal("S", await Codes($"q={word}&year=2025"));

        var card = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/good-practices?q={word}&kind=Process"))!["items"]![0]!;
        Assert.Equal("Bicicletas compartidas entre barrios.", (string)card["summary"]!);
        Assert.Equal([11], card["sdgGoals"]!.AsArray().Select(g => (int)g!).ToArray());
        Assert.Equal($"/solmar/actions/{p.Action}", (string)card["scopeUrl"]!);
        Assert.Equal($"/solmar/evaluations/{mobility["id"]}", (string)card["url"]!);

        // The page shows the cards in the reader's language and refreshes with htmx; the export holds the same.
        using var web = await app.SignInAsync(EvaluationFixtures.Viewer, language: "fr");
        var html = await web.GetHtmlAsync($"/solmar/good-practices?q={Uri.EscapeDataString("MOVILIDÁD " + word)}&culture=fr");
        Assert.Contains("Le covoiturage solidaire entre quartiers.", html);
        Assert.Contains($"/solmar/evaluations/{mobility["id"]}", html);
        Assert.Contains($"/solmar/evaluations/{systematization["id"]}", html);
        Assert.DoesNotContain($"/solmar/evaluations/{plain["id"]}", html);
        Assert.Contains($"/solmar/actions/{p.Action}", html);
        Assert.Contains("2 bonnes pratiques", html);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/solmar/good-practices?q={word}&theme=vivienda");
        request.Headers.Add("HX-Request", "true");
        var partial = await (await web.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", partial);
        Assert.Contains($"/solmar/evaluations/{systematization["id"]}", partial);
        Assert.DoesNotContain($"/solmar/evaluations/{mobility["id"]}", partial);

        var csv = await web.GetAsync($"/solmar/good-practices/export?format=csv&q={word}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains(tag + "-M", text);
        Assert.Contains(tag + "-S", text);
        Assert.DoesNotContain(tag + "-N", text);
        var xlsx = await web.GetAsync($"/solmar/good-practices/export?format=xlsx&q={word}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await web.GetAsync("/solmar/good-practices/export?format=pdf")).StatusCode);
    }
}

public sealed class GoodPracticeTestsOnSqlite(SqliteApp app) : GoodPracticeTests<SqliteApp>(app);
public sealed class GoodPracticeTestsOnPostgres(PostgresApp app) : GoodPracticeTests<PostgresApp>(app);
