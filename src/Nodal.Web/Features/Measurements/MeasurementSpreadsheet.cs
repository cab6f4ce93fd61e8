using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Actions.Spreadsheet;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Measurements;

/// <summary>
/// Measurements to and from XLSX or CSV, all rows or none, with the actions' safe reader (<see cref="SpreadsheetFile"/>:
/// type from the content, zip bombs, truncation, DTDs, limits) and report. Rows match on indicator code and period key,
/// so an export re-imports as updates. A focal point imports only their department's indicators; a validated measurement
/// is never overwritten unless the importer is of the office (then it stays validated and the correction is noted).
/// </summary>
public sealed class MeasurementSpreadsheet(NodalDbContext db, TenantContext tenant, MeasurementService measurements, IStringLocalizer<SharedResource> L)
{
    public const string IndicatorCode = "Indicator code", Period = "Period", Value = "Value", Text = "Text", Note = "Note", EvidenceUrl = "Evidence URL", Status = "Status";
    public const string BreakdownPrefix = "breakdown:";
    public static readonly IReadOnlyList<string> Columns = [IndicatorCode, Period, Value, Text, Note, EvidenceUrl, Status];
    private const int MaxReportedErrors = 200;

    private static string Key(string header) => string.Join(' ', header.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
    private static readonly Dictionary<string, string> ByKey = Columns.ToDictionary(Key, c => c, StringComparer.Ordinal);
    public static bool IsColumn(string header) => ByKey.ContainsKey(Key(header)) || header.Trim().StartsWith(BreakdownPrefix, StringComparison.OrdinalIgnoreCase);

    // ================================================================== export

    public async Task<SpreadsheetDownload> ExportAsync(SpreadsheetFormat format, Guid? planId, Guid? departmentId, CancellationToken ct)
    {
        var q = db.Indicators.AsNoTracking().AsQueryable();
        if (planId is { } p) q = q.Where(i => i.PlanId == p);
        if (departmentId is { } d) q = q.Where(i => i.OwnerDepartmentId == d);
        var indicators = await q.ToDictionaryAsync(i => i.Id, ct);
        var ids = indicators.Keys.ToList();
        var rows = (await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId)).ToListAsync(ct))
            .OrderBy(m => indicators[m.IndicatorId].Code, StringComparer.Ordinal).ThenBy(m => m.Period).ToList();
        var categories = indicators.Values.OrderBy(i => i.Code, StringComparer.Ordinal).SelectMany(i => i.DisaggregationCategories).Distinct().ToList();
        var columns = Columns.Concat(categories.Select(c => BreakdownPrefix + c)).ToList();
        var data = rows.Select(m =>
        {
            var i = indicators[m.IndicatorId];
            object?[] cells =
            [
                i.Code, Periods.Key(m.Period, i.Frequency),
                m.Value is { } v ? (i.IsRating && (int)v >= 0 && (int)v < i.RatingLevels.Count ? i.RatingLevels[(int)v] : v) : null,
                m.Text, m.Note, m.EvidenceUrl, m.Status.ToString().ToLowerInvariant(),
                .. categories.Select(c => m.BreakdownCategories.IndexOf(c) is var at and >= 0 && at < m.BreakdownValues.Count ? (object?)m.BreakdownValues[at] : null),
            ];
            return cells;
        }).ToList();
        var name = $"nodal-measurements-{tenant.OrganizationSlug}-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return Write(format, columns, data, name);
    }

    public async Task<SpreadsheetDownload> TemplateAsync(SpreadsheetFormat format, Guid? planId, CancellationToken ct)
    {
        var q = db.Indicators.AsNoTracking().AsQueryable();
        if (planId is { } p) q = q.Where(i => i.PlanId == p);
        var categories = (await q.OrderBy(i => i.Code).Select(i => i.DisaggregationCategories).ToListAsync(ct)).SelectMany(c => c).Distinct().ToList();
        return Write(format, Columns.Concat(categories.Select(c => BreakdownPrefix + c)).ToList(), [], "nodal-measurements-template");
    }

    private SpreadsheetDownload Write(SpreadsheetFormat format, List<string> columns, List<object?[]> rows, string name)
    {
        if (format == SpreadsheetFormat.Csv)
        {
            using var buffer = new MemoryStream();
            using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            using (var csv = new CsvWriter(writer, SpreadsheetFile.CsvExport()))
            {
                foreach (var c in columns) csv.WriteField(c);
                csv.NextRecord();
                foreach (var row in rows)
                {
                    foreach (var v in row)
                        csv.WriteField(v switch
                        {
                            null => "",
                            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                            _ => SpreadsheetFile.EscapeFormula(v.ToString() ?? ""),
                        });
                    csv.NextRecord();
                }
            }
            return new SpreadsheetDownload(buffer.ToArray(), ActionSpreadsheet.CsvContentType, name + ".csv");
        }

        using var workbook = new XLWorkbook();
        workbook.Properties.Title = L["Measurements"];
        workbook.Properties.Author = "Nodal";
        var sheet = workbook.Worksheets.Add("Measurements");
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c]);
            sheet.Column(c + 1).Width = columns[c] is Note or Text ? 40 : columns[c] == EvidenceUrl ? 30 : 14;
            if (columns[c] is IndicatorCode or Period or Text or Note or EvidenceUrl or Status) sheet.Column(c + 1).Style.NumberFormat.Format = "@";
        }
        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F3F2F1");
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case null: break;
                    case decimal d: cell.SetValue(d); break;
                    case string s when s.Length > 0: cell.SetValue(s); break;
                }
            }
        sheet.SheetView.FreezeRows(1);
        var help = workbook.Worksheets.Add("Help");
        help.Column(1).Width = 100;
        help.Style.Alignment.WrapText = true;
        help.Cell(1, 1).SetValue(L["How to fill in the measurements spreadsheet"].Value);
        help.Cell(1, 1).Style.Font.Bold = true;
        var line = 2;
        foreach (var note in Notes(L)) help.Cell(line++, 1).SetValue(note);
        sheet.SetTabActive();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new SpreadsheetDownload(stream.ToArray(), ActionSpreadsheet.XlsxContentType, name + ".xlsx");
    }

    /// <summary>The rules of the import, for the Help sheet and the import page.</summary>
    public static IReadOnlyList<string> Notes(IStringLocalizer L) =>
    [
        L["Each row is the measurement of one indicator (its code) for one period (its key: 2026, 2026-Q3 or 2026-07). A row matching a measurement changes it; otherwise it adds one. Re-importing an export changes nothing."],
        L["Value: a number with the indicator's decimals, or for a rating the name of the level. Text: the value of a free-text indicator. One column named breakdown:<category> per category of a disaggregation."],
        L["Status: draft or submitted (submitted sends it for validation). A column left out of the file leaves that field as it is."],
        L["The import is all or nothing: if any row has an error, nothing is saved and every error is listed with its row and column."],
        L["Focal points import only their department's indicators. A validated measurement is never overwritten, unless the importer is of the office: it then stays validated and the correction is noted."],
    ];

    // ================================================================== import

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
        var breakdownColumns = new Dictionary<string, (string Header, int At)>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < table.Headers.Count; k++)
        {
            var header = table.Headers[k];
            if (string.IsNullOrWhiteSpace(header)) continue;
            if (header.Trim().StartsWith(BreakdownPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var category = header.Trim()[BreakdownPrefix.Length..].Trim();
                if (!breakdownColumns.TryAdd(category, (header, k))) errors.Add(new ImportError(1, header, header, L["This column appears twice."]));
            }
            else if (!ByKey.TryGetValue(Key(header), out var column)) errors.Add(new ImportError(1, header, header, L["Unknown column. The Help sheet of the template lists the column names."]));
            else if (!index.TryAdd(column, k)) errors.Add(new ImportError(1, header, header, L["This column appears twice."]));
        }
        if (!index.ContainsKey(IndicatorCode) || !index.ContainsKey(Period))
            return ImportReport.Refused(L["The first row must hold the column names, with at least {0} and {1}. Download the template to see them.", IndicatorCode, Period]);
        if (errors.Count > 0) return Report(errors);
        if (table.Rows.Count == 0) return ImportReport.Refused(L["The file has no rows to import."]);

        var indicators = (await db.Indicators.AsNoTracking().ToListAsync(ct)).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(Guid, DateOnly), int>();
        var planned = new List<(Measurement? Existing, MeasurementValues Values, bool Submit)>();
        var unchanged = 0;
        foreach (var row in table.Rows)
        {
            var failed = new HashSet<string>();
            void Error(string column, string message)
            {
                if (failed.Add(column)) errors.Add(new ImportError(row.Number, column, CellText(row, column), message));
            }

            var code = Cell(row, IndicatorCode);
            if (code.Length == 0) { Error(IndicatorCode, L["Enter the indicator's code."]); continue; }
            if (!indicators.TryGetValue(code, out var indicator)) { Error(IndicatorCode, L["There is no indicator with the code {0}.", code]); continue; }
            if (!measurements.CanEnter(indicator)) { Error(IndicatorCode, L["You can only enter measurements for your own department's indicators."]); continue; }
            if (!Periods.TryParse(Cell(row, Period), indicator.Frequency, out var period))
            {
                Error(Period, L["{0} is not a period of this indicator's frequency (e.g. {1}).", Cell(row, Period), Periods.Key(Periods.StartOf(measurements.Today, indicator.Frequency), indicator.Frequency)]);
                continue;
            }
            if (seen.TryGetValue((indicator.Id, period), out var first))
            {
                Error(Period, L["Row {0} already holds this indicator and period: each measurement goes in one row.", first]);
                continue;
            }
            seen[(indicator.Id, period)] = row.Number;
            var existing = await db.Measurements.FirstOrDefaultAsync(m => m.IndicatorId == indicator.Id && m.Period == period, ct);

            var statusText = Cell(row, Status);
            MeasurementStatus? asked = null;
            if (statusText.Length > 0)
            {
                asked = Enum.GetValues<MeasurementStatus>().Select(s => (MeasurementStatus?)s)
                    .FirstOrDefault(s => string.Equals(s!.Value.ToString(), statusText, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Value.Label(L), statusText, StringComparison.CurrentCultureIgnoreCase));
                if (asked is null || (asked is MeasurementStatus.Validated or MeasurementStatus.Returned && asked != existing?.Status))
                {
                    Error(Status, L["Write draft or submitted."]);
                    continue;
                }
            }

            var input = existing is null ? new MeasurementInput { IndicatorId = indicator.Id } : MeasurementInput.From(existing, indicator);
            if (existing is not null && indicator.IsRating && existing.Value is { } lv && (int)lv >= 0 && (int)lv < indicator.RatingLevels.Count)
                input.Value = indicator.RatingLevels[(int)lv];
            input.Period = Periods.Key(period, indicator.Frequency);
            input.Version = existing?.Version;
            if (Has(Value)) input.Value = ValueText(row);
            if (Has(Text)) input.Text = Cell(row, Text);
            if (Has(Note)) input.Note = Cell(row, Note);
            if (Has(EvidenceUrl)) input.EvidenceUrl = Cell(row, EvidenceUrl);
            while (input.Breakdown.Count < indicator.DisaggregationCategories.Count) input.Breakdown.Add(null);
            for (var k = 0; k < indicator.DisaggregationCategories.Count; k++)
                if (breakdownColumns.TryGetValue(indicator.DisaggregationCategories[k], out var col))
                    input.Breakdown[k] = col.At < row.Cells.Length ? Number(row.Cells[col.At]) : null;
            var extra = breakdownColumns.Keys.Where(c => !indicator.DisaggregationCategories.Contains(c, StringComparer.OrdinalIgnoreCase)
                                                         && breakdownColumns[c].At < row.Cells.Length && !row.Cells[breakdownColumns[c].At].IsBlank).ToList();
            if (extra.Count > 0) { Error(breakdownColumns[extra[0]].Header, L["{0} is not a category of this indicator's disaggregation.", extra[0]]); continue; }

            if (existing?.Status == MeasurementStatus.Validated)
            {
                if (!tenant.Can(Capability.ValidateMeasurements))
                {
                    var probe = await measurements.CheckAsync(new MeasurementInput
                    {
                        IndicatorId = input.IndicatorId, Period = input.Period, Value = input.Value, Text = input.Text, Breakdown = input.Breakdown,
                        Note = input.Note, EvidenceUrl = input.EvidenceUrl, CorrectionNote = "-",
                    }, existing, ct);
                    if (probe.Values is not null && MeasurementService.Same(existing, probe.Values)) { unchanged++; continue; }
                    Error(Value, L["This measurement is validated: only the office can correct it."]);
                    continue;
                }
                input.CorrectionNote = L["Corrected by a spreadsheet import."];
            }

            var (result, values) = await measurements.CheckAsync(input, existing, ct);
            foreach (var e in result.Errors)
            {
                var column = e.PropertyName switch
                {
                    nameof(MeasurementInput.Value) => Value,
                    nameof(MeasurementInput.Text) => Has(Text) ? Text : Value,
                    nameof(MeasurementInput.Note) => Note,
                    nameof(MeasurementInput.EvidenceUrl) => EvidenceUrl,
                    nameof(MeasurementInput.Period) => Period,
                    var b when b.StartsWith("Breakdown[", StringComparison.Ordinal) && int.TryParse(b[10..^1], CultureInfo.InvariantCulture, out var at)
                        && at < indicator.DisaggregationCategories.Count && breakdownColumns.TryGetValue(indicator.DisaggregationCategories[at], out var bc) => bc.Header,
                    _ => IndicatorCode,
                };
                Error(column, e.ErrorMessage);
            }
            if (values is null) continue;
            var submit = asked == MeasurementStatus.Submitted && (existing is null || existing.Status is MeasurementStatus.Draft or MeasurementStatus.Returned);
            if (existing is not null && MeasurementService.Same(existing, values) && !submit) { unchanged++; continue; }
            planned.Add((existing, values, submit));
        }
        if (errors.Count > 0) return Report(errors);

        int added = 0, updated = 0;
        try
        {
            foreach (var (existing, values, submit) in planned)
            {
                var m = existing;
                if (m is null) { m = measurements.Add(values); added++; }
                else
                {
                    if (!MeasurementService.Same(m, values)) measurements.Change(m, values, m.Version);
                    updated++;
                }
                if (submit) measurements.Submit(m);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ImportReport.Refused(L["Someone changed these measurements while the file was being imported. Nothing was saved; import the file again."]);
        }
        return new ImportReport(added, updated, unchanged, [], 0);

        bool Has(string column) => index.ContainsKey(column);

        string Cell(SheetRow row, string column) =>
            index.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at].Text.Trim() : "";

        string? CellText(SheetRow row, string column) =>
            index.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at].Text
            : breakdownColumns.Values.FirstOrDefault(b => b.Header == column) is { Header: not null } b && b.At < row.Cells.Length ? row.Cells[b.At].Text : null;

        // A number typed in a workbook cell comes as a double: written back with a dot, so it reads in any culture.
        string? ValueText(SheetRow row) => index.TryGetValue(Value, out var at) && at < row.Cells.Length ? Number(row.Cells[at]) : null;

        ImportReport Report(List<ImportError> all)
        {
            var sorted = all.OrderBy(e => e.Row ?? 0).ToList();
            return new ImportReport(0, 0, 0, sorted.Take(MaxReportedErrors).ToList(), sorted.Count);
        }
    }

    private static string? Number(SheetCell cell) => cell.Typed is double d
        ? ((decimal)d).ToString(CultureInfo.InvariantCulture)
        : cell.IsBlank ? null : cell.Text.Trim();
}
