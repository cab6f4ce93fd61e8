using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Nodal.Core.Relations;
using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Counterparts;

/// <summary>
/// Exports counterparts to XLSX or CSV and imports them back, all rows or none. Reuses the actions' safe reader
/// (<see cref="SpreadsheetFile"/>: type from the content, zip bombs, truncation, DTDs, limits) and report.
/// Rows match by Code; a column absent from the file leaves that field as it is; rows identical to the stored
/// counterpart are not written. A City row with a name and a country but neither gazetteer id nor coordinates
/// is placed with <see cref="Gazetteer.Match"/>.
/// </summary>
public sealed class CounterpartSpreadsheet(NodalDbContext db, TenantContext tenant, CounterpartService counterparts, CounterpartListService list, IStringLocalizer<SharedResource> L)
{
    public const string Code = "Code", Kind = "Kind", Name = "Name", Acronym = "Acronym", Country = "Country", Region = "Region",
        GazetteerId = "City gazetteer id", Latitude = "Latitude", Longitude = "Longitude", Population = "Population",
        NetworkCode = "Network code", Website = "Website";
    public static string Notes(string lang) => "Notes " + lang;
    public static readonly IReadOnlyList<string> Columns =
        [Code, Kind, Name, Acronym, Country, Region, GazetteerId, Latitude, Longitude, Population, NetworkCode, Website, Notes("es"), Notes("en"), Notes("fr")];
    private static readonly Dictionary<string, string> ByKey = Columns.ToDictionary(Key, c => c, StringComparer.Ordinal);
    private const int MaxReportedErrors = 200;

    private static string Key(string header) => string.Join(' ', header.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
    public static bool IsColumn(string header) => ByKey.ContainsKey(Key(header));

    // ================================================================== export

    public async Task<SpreadsheetDownload> ExportAsync(SpreadsheetFormat format, CounterpartListQuery query, CancellationToken ct)
    {
        var duplicates = await counterparts.PossibleDuplicateIdsAsync(ct);
        var rows = await list.Filtered(query, duplicates).OrderBy(c => c.Code).ToListAsync(ct);
        var name = $"nodal-counterparts-{tenant.OrganizationSlug}-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return Write(format, rows.Select(Row).ToList(), name);
    }

    public SpreadsheetDownload Template(SpreadsheetFormat format) => Write(format, [], "nodal-counterparts-template");

    private static object?[] Row(Counterpart c) =>
        [c.Code, c.Kind.ToString(), c.Name, c.Acronym, c.Country, c.Region, c.GazetteerId, c.Latitude, c.Longitude, c.Population, c.NetworkCode, c.Website, c.Notes.Es, c.Notes.En, c.Notes.Fr];

    private SpreadsheetDownload Write(SpreadsheetFormat format, List<object?[]> rows, string name)
    {
        if (format == SpreadsheetFormat.Csv)
        {
            using var buffer = new MemoryStream();
            using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            using (var csv = new CsvWriter(writer, SpreadsheetFile.CsvExport()))
            {
                foreach (var c in Columns) csv.WriteField(c);
                csv.NextRecord();
                foreach (var row in rows)
                {
                    foreach (var v in row)
                        csv.WriteField(v switch { null => "", IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => SpreadsheetFile.EscapeFormula(v.ToString() ?? "") });
                    csv.NextRecord();
                }
            }
            return new SpreadsheetDownload(buffer.ToArray(), ActionSpreadsheet.CsvContentType, name + ".csv");
        }
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = L["Counterparts"];
        workbook.Properties.Author = "Nodal";
        var sheet = workbook.Worksheets.Add("Counterparts");
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Columns[c]);
            var numeric = Columns[c] is GazetteerId or Latitude or Longitude or Population;
            sheet.Column(c + 1).Style.NumberFormat.Format = numeric ? (Columns[c] is Latitude or Longitude ? "0.00000" : "0") : "@";
            sheet.Column(c + 1).Width = Columns[c] is Name or Website || Columns[c].StartsWith("Notes", StringComparison.Ordinal) ? 36 : 14;
        }
        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case null: break;
                    case int i: cell.SetValue(i); break;
                    case long l: cell.SetValue(l); break;
                    case double d: cell.SetValue(d); break;
                    case var v: cell.SetValue(v.ToString()); break;
                }
            }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new SpreadsheetDownload(stream.ToArray(), ActionSpreadsheet.XlsxContentType, name + ".xlsx");
    }

    // ================================================================== import

    /// <summary>Reads every row, then — only if no row has an error — adds and changes the counterparts and saves once.</summary>
    public async Task<ImportReport> ImportAsync(byte[] data, CancellationToken ct)
    {
        SheetTable table;
        try
        {
            if (data.LongLength > SpreadsheetFile.MaxBytes) return ActionSpreadsheet.TooLarge(L);
            table = SpreadsheetFile.Read(data, IsColumn, L);
        }
        catch (SpreadsheetRejectedException e)
        {
            return ImportReport.Refused(e.Message, e.TooLarge);
        }

        var errors = new List<ImportError>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i];
            if (string.IsNullOrWhiteSpace(header)) continue;
            if (!ByKey.TryGetValue(Key(header), out var column)) errors.Add(new ImportError(1, header, header, L["Unknown column. The Help sheet of the template lists the column names."]));
            else if (!index.TryAdd(column, i)) errors.Add(new ImportError(1, header, header, L["This column appears twice."]));
        }
        if (index.Count == 0) return ImportReport.Refused(L["The first row must hold the column names. Download the template to see them."]);
        if (errors.Count > 0) return Report(errors);
        if (table.Rows.Count == 0) return ImportReport.Refused(L["The file has no rows to import."]);

        var existing = (await db.Counterparts.ToListAsync(ct)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var codes = table.Rows.Select(r => CounterpartInput.NormalizeCode(Cell(r, Code))).ToList();
        foreach (var group in codes.Select((code, i) => (code, i)).Where(x => x.code.Length > 0).GroupBy(x => x.code).Where(g => g.Count() > 1))
        {
            var rowNumbers = string.Join(", ", group.Select(x => table.Rows[x.i].Number));
            foreach (var (_, i) in group)
                errors.Add(new ImportError(table.Rows[i].Number, Code, group.Key, L["The code {0} is in rows {1}: each counterpart goes in one row.", group.Key, rowNumbers]));
        }

        var planned = new List<(Counterpart? Existing, CounterpartInput Input)>();
        int unchanged = 0;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var rowErrors = errors.Count;
            void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, index.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at].Text : null, message));
            var match = codes[i].Length > 0 ? existing.GetValueOrDefault(codes[i]) : null;
            var before = match is null ? null : CounterpartInput.From(match);
            var input = match is null ? new CounterpartInput() : CounterpartInput.From(match);
            input.Code = codes[i].Length > 0 ? codes[i] : null;
            input.AllowDuplicate = true;

            if (Has(Kind))
            {
                var text = Cell(row, Kind);
                if (text.Length == 0) input.Kind = null;
                else if (ParseKind(text) is { } k) input.Kind = k;
                else Error(Kind, L["Unknown kind. Use one of: {0}.", string.Join(", ", Enum.GetNames<CounterpartKind>())]);
            }
            if (Has(Name)) input.Name = Cell(row, Name);
            if (Has(Acronym)) input.Acronym = Cell(row, Acronym);
            if (Has(Country)) input.Country = Cell(row, Country);
            if (Has(Region)) input.Region = Cell(row, Region);
            if (Has(NetworkCode)) input.NetworkCode = Cell(row, NetworkCode);
            if (Has(Website)) input.Website = Cell(row, Website);
            foreach (var lang in LocalizedText.Languages)
                if (Has(Notes(lang))) input.Notes[lang] = Cell(row, Notes(lang));
            if (Has(GazetteerId)) input.GazetteerId = Number<int>(GazetteerId, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is > 0 and < int.MaxValue ? (int)d : (int?)null);
            if (Has(Latitude)) input.Latitude = Number<double>(Latitude, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null);
            if (Has(Longitude)) input.Longitude = Number<double>(Longitude, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null);
            if (Has(Population)) input.Population = Number<long>(Population, s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= 0 and < long.MaxValue ? (long)d : (long?)null);

            // A city named in a country, without a place: the gazetteer says which one.
            if (input.Kind == CounterpartKind.City && input.GazetteerId is null && input.Latitude is null && input.Longitude is null
                && !string.IsNullOrWhiteSpace(input.Name) && !string.IsNullOrWhiteSpace(input.Country) && errors.Count == rowErrors)
            {
                var found = Gazetteer.Match(input.Name, input.Country);
                var column = Has(GazetteerId) ? GazetteerId : Name;
                switch (found.Kind)
                {
                    case Gazetteer.MatchKind.Unique:
                        input.GazetteerId = found.Candidates[0].Id;
                        break;
                    case Gazetteer.MatchKind.Ambiguous:
                        Error(column, L["{0}, {1}: {2} cities match: {3}; give the gazetteer id.", input.Name.Trim(), input.Country.Trim().ToUpperInvariant(), found.Candidates.Count, Candidates(found.Candidates)]);
                        break;
                    default:
                        Error(column, found.Candidates.Count == 0
                            ? L["{0}, {1}: no city of the gazetteer has this name; give the gazetteer id or the coordinates.", input.Name.Trim(), input.Country.Trim().ToUpperInvariant()]
                            : L["{0}, {1}: no city of the gazetteer has this name. Did you mean: {2}?", input.Name.Trim(), input.Country.Trim().ToUpperInvariant(), Candidates(found.Candidates)]);
                        break;
                }
            }
            if (errors.Count > rowErrors) continue;

            var validation = await counterparts.ValidateAsync(input, match?.Id, ct);
            foreach (var failure in validation.Errors)
                Error(ColumnOf(failure.PropertyName), failure.ErrorMessage);
            if (errors.Count > rowErrors) continue;
            if (match is not null && before is not null)
            {
                before.Complete();
                if (Canonical(input) == Canonical(before))
                {
                    unchanged++;
                    continue;
                }
                input.Version = match.Version;
            }
            planned.Add((match, input));

            T? Number<T>(string column, Func<string, T?> parse) where T : struct
            {
                var text = Cell(row, column);
                if (text.Length == 0) return null;
                if (parse(text) is { } value) return value;
                Error(column, L["Enter a number."]);
                return null;
            }
        }

        if (errors.Count > 0) return Report(errors);

        int added = 0, updated = 0;
        var taken = new List<string>(planned.Where(p => p.Input.Code is not null).Select(p => p.Input.Code!));
        foreach (var (match, input) in planned)
        {
            if (match is null)
            {
                var c = await counterparts.AddAsync(input, ct, taken);
                taken.Add(c.Code);
                added++;
            }
            else
            {
                counterparts.Change(match, input);
                updated++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ImportReport.Refused(L["Someone changed these counterparts while the file was being imported. Nothing was saved; import the file again."]);
        }
        return new ImportReport(added, updated, unchanged, [], 0);

        bool Has(string column) => index.ContainsKey(column);

        string Cell(SheetRow row, string column) =>
            index.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at].Text.Trim() : "";

        ImportReport Report(List<ImportError> all)
        {
            var order = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var sorted = all.OrderBy(e => e.Row ?? 0).ThenBy(e => e.Column is null ? -1 : order.GetValueOrDefault(e.Column, int.MaxValue)).ToList();
            return new ImportReport(0, 0, 0, sorted.Take(MaxReportedErrors).ToList(), sorted.Count);
        }
    }

    private CounterpartKind? ParseKind(string text)
    {
        if (Enum.TryParse<CounterpartKind>(text.Replace(" ", ""), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(text, out _)) return k;
        foreach (var kind in Enum.GetValues<CounterpartKind>())
            if (string.Equals(Relations.RelationLabels.Label(kind, L), text, StringComparison.CurrentCultureIgnoreCase)) return kind;
        return null;
    }

    private static string Candidates(IEnumerable<Gazetteer.City> cities) =>
        string.Join("; ", cities.Take(10).Select(c => $"{string.Join(", ", new[] { c.Name, c.Admin1 }.Where(s => !string.IsNullOrWhiteSpace(s)))} (id {c.Id.ToString(CultureInfo.InvariantCulture)}, {c.Population.ToString("N0", CultureInfo.CurrentCulture)})"));

    private static string ColumnOf(string property) => property switch
    {
        nameof(CounterpartInput.Code) => Code,
        nameof(CounterpartInput.Kind) => Kind,
        nameof(CounterpartInput.Name) => Name,
        nameof(CounterpartInput.Acronym) => Acronym,
        nameof(CounterpartInput.Country) => Country,
        nameof(CounterpartInput.Region) => Region,
        nameof(CounterpartInput.GazetteerId) => GazetteerId,
        nameof(CounterpartInput.Latitude) => Latitude,
        nameof(CounterpartInput.Longitude) => Longitude,
        nameof(CounterpartInput.Population) => Population,
        nameof(CounterpartInput.NetworkCode) => NetworkCode,
        nameof(CounterpartInput.Website) => Website,
        _ when property.StartsWith("Notes.", StringComparison.Ordinal) => Notes(property[6..].ToLowerInvariant()),
        _ => Code,
    };

    private static string Canonical(CounterpartInput i) => string.Join('\u001f', new object?[]
    {
        CounterpartInput.NormalizeCode(i.Code), i.Kind, i.Name, i.Acronym, i.Country, i.Region,
        i.Latitude?.ToString("R", CultureInfo.InvariantCulture), i.Longitude?.ToString("R", CultureInfo.InvariantCulture), i.Population,
        i.GazetteerId, i.NetworkCode, i.Website, CounterpartInput.Clean(i.Notes.Es), CounterpartInput.Clean(i.Notes.En), CounterpartInput.Clean(i.Notes.Fr),
    }.Select(v => v?.ToString() ?? ""));
}
