using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Actions.Spreadsheet;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>What the library of good practices asks for.</summary>
public sealed class GoodPracticeQuery
{
    /// <summary>Words searched in the titles, summaries, findings and themes, in the three languages, ignoring case and accents; every word must appear.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>A theme, as shown (case and accents ignored).</summary>
    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    /// <summary>An SDG goal number (1–17): practices with a target of that goal.</summary>
    [FromQuery(Name = "sdg")] public int? Sdg { get; set; }
    [FromQuery(Name = "kind")] public EvaluationKind? Kind { get; set; }
    /// <summary>Practices whose evaluation ran that year.</summary>
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    public string FilterString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            var s = value?.ToString();
            if (!string.IsNullOrWhiteSpace(s)) parts.Add($"{key}={Uri.EscapeDataString(s)}");
        }
        Add("q", Q); Add("theme", Theme); Add("sdg", Sdg); Add("kind", Kind); Add("year", Year);
        return string.Join('&', parts);
    }
}

/// <summary>One good practice as the library shows it, in the reader's language.</summary>
public sealed record GoodPracticeCard(
    Guid Id, string Code, string Title, string Summary, EvaluationKind Kind, EvaluationScope Scope, string? ScopeLabel, string? ScopeUrl,
    IReadOnlyList<string> Themes, IReadOnlyList<int> SdgGoals, IReadOnlyList<string> SdgTargets, DateOnly? Start, DateOnly? End, string? ReportUrl, string Url);

/// <summary>The library: every theme in use and the SDG goals present, to filter by.</summary>
public sealed record GoodPracticeFacets(IReadOnlyList<string> Themes, IReadOnlyList<int> Goals, IReadOnlyList<int> Years);

/// <summary>
/// The library of good practices: the evaluations flagged as such, systematizations first. Searched in C# over a
/// folded form of the text (lower case, no diacritics), so "MOVILIDAD", "movilidád" and "Movilidad" find the same on
/// SQLite and PostgreSQL alike; an organization holds at most a few thousand evaluations.
/// </summary>
public sealed class GoodPracticeService(NodalDbContext db, TenantContext tenant, EvaluationListService list, IStringLocalizer<SharedResource> L)
{
    private sealed record Row(
        Guid Id, string Code, LocalizedText Title, LocalizedText Summary, LocalizedText Findings, EvaluationKind Kind, EvaluationScope Scope,
        Guid PlanId, Guid? ObjectiveId, Guid? ActionId, Guid? ProjectId, List<string> Themes, List<string> SdgTargets,
        DateOnly? Start, DateOnly? End, string? ReportUrl);

    private async Task<List<Row>> AllAsync(CancellationToken ct) =>
        (await db.Evaluations.AsNoTracking().Where(e => e.IsGoodPractice)
            .Select(e => new { e.Id, e.Code, e.Title, e.PracticeSummary, e.Findings, e.Kind, e.Scope, e.PlanId, e.ObjectiveId, e.ActionId, e.ProjectId, e.Themes, e.SdgTargets, e.Start, e.End, e.ReportUrl })
            .ToListAsync(ct))
        .Select(e => new Row(e.Id, e.Code, e.Title, e.PracticeSummary, e.Findings, e.Kind, e.Scope, e.PlanId, e.ObjectiveId, e.ActionId, e.ProjectId,
            e.Themes, e.SdgTargets, e.Start, e.End, e.ReportUrl))
        .ToList();

    private static string Haystack(Row r) => EvaluationText.Fold(string.Join(' ',
        new[] { r.Code }
            .Concat(LocalizedText.Languages.SelectMany(l => new[] { r.Title[l], r.Summary[l], r.Findings[l] }))
            .Concat(r.Themes)
            .Where(s => !string.IsNullOrWhiteSpace(s))));

    private static bool InYear(Row r, int year) =>
        (r.Start ?? r.End) is { } from && from.Year <= year && (r.End ?? r.Start)!.Value.Year >= year;

    /// <summary>The practices that match, systematizations first, then the most recent; with the facets of the whole library.</summary>
    public async Task<(PagedList<GoodPracticeCard> Page, GoodPracticeFacets Facets)> SearchAsync(GoodPracticeQuery query, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var matches = Filter(all, query);
        var size = Math.Clamp(query.PageSize ?? 20, 1, ListQuery.MaxPageSize);
        var pages = Math.Max(1, (int)Math.Ceiling(matches.Count / (double)size));
        var page = Math.Clamp(query.Page ?? 1, 1, pages);
        var cards = await CardsAsync(matches.Skip((page - 1) * size).Take(size).ToList(), ct);
        return (new PagedList<GoodPracticeCard>(cards, matches.Count, page, size, null, false), Facets(all));
    }

    /// <summary>Every match (for the export), in the library's order.</summary>
    public async Task<IReadOnlyList<GoodPracticeCard>> AllMatchesAsync(GoodPracticeQuery query, CancellationToken ct) =>
        await CardsAsync(Filter(await AllAsync(ct), query), ct);

    private static List<Row> Filter(List<Row> all, GoodPracticeQuery query)
    {
        IEnumerable<Row> q = all;
        if (query.Kind is { } kind) q = q.Where(r => r.Kind == kind);
        if (query.Year is { } year) q = q.Where(r => InYear(r, year));
        if (query.Sdg is { } goal) q = q.Where(r => r.SdgTargets.Any(t => Sdg.GoalOf(t) == goal));
        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            var theme = EvaluationText.Fold(query.Theme.Trim());
            q = q.Where(r => r.Themes.Any(t => EvaluationText.Fold(t) == theme));
        }
        var words = EvaluationText.Fold(query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0)
            q = q.Where(r =>
            {
                var hay = Haystack(r);
                return words.All(w => hay.Contains(w, StringComparison.Ordinal));
            });
        return q.OrderBy(r => r.Kind == EvaluationKind.Systematization ? 0 : 1)
            .ThenByDescending(r => r.End ?? r.Start ?? DateOnly.MinValue)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static GoodPracticeFacets Facets(List<Row> all)
    {
        var years = all.SelectMany(r => new[] { r.Start?.Year, r.End?.Year }).OfType<int>().ToList();
        return new(
            all.SelectMany(r => r.Themes).DistinctBy(EvaluationText.Fold)
                .Order(StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace)).ToList(),
            all.SelectMany(r => r.SdgTargets).Select(Sdg.GoalOf).Where(g => g > 0).Distinct().Order().ToList(),
            years.Count == 0 ? [] : Enumerable.Range(years.Min(), Math.Min(years.Max() - years.Min() + 1, 60)).ToList());
    }

    private async Task<List<GoodPracticeCard>> CardsAsync(List<Row> rows, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var org = tenant.OrganizationSlug ?? "";
        var scopes = await list.ScopesAsync(rows.Select(r => (r.Scope, r.PlanId, r.ObjectiveId, r.ActionId, r.ProjectId)), ct);
        return rows.Select(r =>
        {
            var s = scopes.GetValueOrDefault(EvaluationListService.ScopeKey(r.Scope, r.PlanId, r.ObjectiveId, r.ActionId, r.ProjectId));
            return new GoodPracticeCard(r.Id, r.Code, r.Title.Get(lang, fallback), r.Summary.Get(lang, fallback), r.Kind, r.Scope, s?.Label, s?.Url,
                r.Themes, r.SdgTargets.Select(Sdg.GoalOf).Where(g => g > 0).Distinct().Order().ToList(), r.SdgTargets, r.Start, r.End, r.ReportUrl,
                $"/{org}/evaluations/{r.Id}");
        }).ToList();
    }

    /// <summary>The library (with the search and filters) as a workbook or a CSV file, in the reader's language.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> ExportAsync(SpreadsheetFormat format, GoodPracticeQuery query, CancellationToken ct)
    {
        var cards = await AllMatchesAsync(query, ct);
        string[] headers = ["code", L["Title"], L["Kind"], L["What was evaluated"], L["Summary"], L["Themes"], L["SDG targets"], L["Start"], L["End"], L["Report"], L["Link"]];
        var baseUrl = "";
        string[] Cells(GoodPracticeCard c) =>
        [
            c.Code, c.Title, c.Kind.Label(L), c.ScopeLabel ?? c.Scope.Label(L), c.Summary, string.Join(", ", c.Themes), string.Join(", ", c.SdgTargets),
            c.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", c.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            c.ReportUrl ?? "", baseUrl + c.Url,
        ];
        var name = $"good-practices-{tenant.OrganizationSlug}";
        if (format == SpreadsheetFormat.Csv)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(writer, SpreadsheetFile.CsvExport()))
            {
                foreach (var h in headers) csv.WriteField(h);
                csv.NextRecord();
                foreach (var c in cards)
                {
                    foreach (var v in Cells(c)) csv.WriteField(SpreadsheetFile.EscapeFormula(v));
                    csv.NextRecord();
                }
            }
            return (System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(writer.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet(Shorten(L["Good practices"], 31));
        for (var i = 0; i < headers.Length; i++) sheet.Cell(1, i + 1).Value = headers[i];
        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var c in cards)
        {
            var cells = Cells(c);
            for (var i = 0; i < cells.Length; i++) sheet.Cell(row, i + 1).Value = cells[i];
            row++;
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return (stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max];
}
