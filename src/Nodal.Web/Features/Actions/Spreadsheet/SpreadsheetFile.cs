using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nodal.Web.Features.Actions.Spreadsheet;

public enum SpreadsheetFormat
{
    Xlsx,
    Csv,
}

/// <summary>One cell as read: its text, and from a workbook its typed value (double, DateTime or bool; null for text).</summary>
public readonly record struct SheetCell(string Text, object? Typed)
{
    public static readonly SheetCell Empty = new("", null);
    public bool IsBlank => Typed is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A data row; <see cref="Number"/> is the row number the user sees in Excel (the header is row 1).</summary>
public sealed record SheetRow(int Number, SheetCell[] Cells)
{
    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>The first row's column names and the rows under them.</summary>
public sealed record SheetTable(SpreadsheetFormat Format, IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>A file refused as a whole: not a spreadsheet, damaged, hostile or too big. The message is in the user's language.</summary>
public sealed class SpreadsheetRejectedException(string message, bool tooLarge = false) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>
/// Reads an uploaded spreadsheet defensively. The type comes from the content, never the file name:
/// an XLSX is a ZIP holding a workbook part; anything else must be UTF-8 (or UTF-16 with a BOM) text,
/// read as CSV. A workbook is inspected before it is parsed: bounded entries and uncompressed size (zip
/// bombs), complete compressed data (truncated files), no DTD anywhere (XXE), a bounded number of cells.
/// </summary>
public static class SpreadsheetFile
{
    /// <summary>
    /// How every CSV export writes: comma, CRLF rows, and any field with a line break quoted (with NewLine set,
    /// CsvHelper alone would quote only fields holding "\r\n", and a bare "\n" would split the row).
    /// </summary>
    public static CsvConfiguration CsvExport() => new(CultureInfo.InvariantCulture)
    {
        Delimiter = ",",
        NewLine = "\r\n",
        ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || (args.Field?.IndexOfAny(['\r', '\n']) ?? -1) >= 0,
    };

    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxColumns = 200;
    private const int MaxEntries = 1_000;
    private const long MaxUncompressed = 200L * 1024 * 1024;
    private const long MaxCells = 2_000_000;

    private static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    public static SpreadsheetFormat Detect(ReadOnlySpan<byte> data, IStringLocalizer L)
    {
        if (data.Length == 0 || data.Trim((byte)0).IsEmpty) throw new SpreadsheetRejectedException(L["The file is empty."]);
        if (data.StartsWith("PK\x03\x04"u8) || data.StartsWith("PK\x05\x06"u8)) return SpreadsheetFormat.Xlsx;
        if (data.StartsWith(Ole))
            throw new SpreadsheetRejectedException(L["This is an old Excel file (.xls) or a workbook protected by a password. Save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8."]);
        if (data.StartsWith(Utf8Bom) || data.StartsWith(Utf16LeBom) || data.StartsWith(Utf16BeBom)) return SpreadsheetFormat.Csv;
        if (LooksBinary(data)) throw NotASpreadsheet(L);
        return SpreadsheetFormat.Csv;
    }

    /// <summary>Reads the table of the file. <paramref name="isColumnKey"/> tells a known column name (to find the sheet).</summary>
    public static SheetTable Read(byte[] data, Func<string, bool> isColumnKey, IStringLocalizer L) =>
        Detect(data, L) == SpreadsheetFormat.Xlsx ? ReadXlsx(data, isColumnKey, L) : ReadCsv(data, L);

    private static SpreadsheetRejectedException NotASpreadsheet(IStringLocalizer L) =>
        new(L["This file is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file saved as UTF-8."]);

    private static SpreadsheetRejectedException TooManyRows(IStringLocalizer L) =>
        new(L["The file has more than {0} rows. Split it into smaller files.", MaxRows.ToString("N0", CultureInfo.CurrentCulture)]);

    /// <summary>NUL bytes or many control characters in the first 8 KB: an image, a PDF, random bytes.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0C) control++;
        }
        return control > head.Length / 100;
    }

    // ------------------------------------------------------------------ CSV

    private static SheetTable ReadCsv(byte[] data, IStringLocalizer L)
    {
        string text;
        try
        {
            var span = data.AsSpan();
            text = span.StartsWith(Utf16LeBom) ? new UnicodeEncoding(false, true, true).GetString(span[2..])
                : span.StartsWith(Utf16BeBom) ? new UnicodeEncoding(true, true, true).GetString(span[2..])
                : new UTF8Encoding(false, true).GetString(span.StartsWith(Utf8Bom) ? span[3..] : span);
        }
        catch (DecoderFallbackException)
        {
            throw new SpreadsheetRejectedException(L["The CSV file is not in UTF-8. In Excel, save it as CSV UTF-8 (comma delimited)."]);
        }
        if (text.Contains('\0')) throw NotASpreadsheet(L);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = GuessDelimiter(text),
            HasHeaderRecord = false,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
            BadDataFound = null,
        };
        var rows = new List<SheetRow>();
        IReadOnlyList<string>? headers = null;
        var number = 0;
        try
        {
            using var parser = new CsvParser(new StringReader(text), config);
            while (parser.Read())
            {
                number++;
                var record = parser.Record ?? [];
                if (record.Length > MaxColumns) throw new SpreadsheetRejectedException(L["The file has more than {0} columns.", MaxColumns]);
                if (headers is null)
                {
                    headers = record.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
                    continue;
                }
                if (rows.Count >= MaxRows) throw TooManyRows(L);
                rows.Add(new SheetRow(number, record.Select(v => new SheetCell(UnescapeFormula(v), null)).ToArray()));
            }
        }
        catch (CsvHelperException)
        {
            throw new SpreadsheetRejectedException(L["The CSV file is malformed near row {0}: check its quotes.", Math.Max(number, 1)]);
        }
        if (headers is null) throw new SpreadsheetRejectedException(L["The file is empty."]);
        return new SheetTable(SpreadsheetFormat.Csv, headers, rows.Where(r => !r.IsBlank).ToList());
    }

    /// <summary>The delimiter of the header line: a comma, or the semicolon or tab Excel uses in some locales.</summary>
    private static string GuessDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        return tab > comma && tab > semicolon ? "\t" : semicolon > comma ? ";" : ",";
    }

    /// <summary>
    /// Text that a spreadsheet program would run as a formula (=, +, -, @) is written to CSV behind an
    /// apostrophe; the apostrophe is dropped again on import so the text round-trips.
    /// </summary>
    public static string EscapeFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string UnescapeFormula(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    // ------------------------------------------------------------------ XLSX

    private static SheetTable ReadXlsx(byte[] data, Func<string, bool> isColumnKey, IStringLocalizer L)
    {
        Inspect(data, L);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(data, writable: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Damaged(L);
        }
        using (workbook)
        {
            IXLWorksheet? sheet = null;
            foreach (var ws in workbook.Worksheets)
            {
                var first = ws.Row(1).CellsUsed().Take(MaxColumns + 1).Select(c => SafeText(c).Trim()).ToList();
                if (first.Any(isColumnKey)) { sheet = ws; break; }
            }
            if (sheet is null)
                throw new SpreadsheetRejectedException(L["No sheet of the workbook has the column names in its first row. Download the template to see them."]);

            var lastColumn = sheet.Row(1).LastCellUsed()?.Address.ColumnNumber ?? 0;
            if (lastColumn > MaxColumns) throw new SpreadsheetRejectedException(L["The file has more than {0} columns.", MaxColumns]);
            var headers = Enumerable.Range(1, lastColumn).Select(c => SafeText(sheet.Cell(1, c)).Trim()).ToList();
            var rows = new List<SheetRow>();
            foreach (var row in sheet.RowsUsed(r => r.RowNumber() > 1))
            {
                var cells = new SheetCell[lastColumn];
                for (var c = 1; c <= lastColumn; c++) cells[c - 1] = Read(row.Cell(c));
                var read = new SheetRow(row.RowNumber(), cells);
                if (read.IsBlank) continue;
                if (rows.Count >= MaxRows) throw TooManyRows(L);
                rows.Add(read);
            }
            return new SheetTable(SpreadsheetFormat.Xlsx, headers, rows);
        }
    }

    private static SpreadsheetRejectedException Damaged(IStringLocalizer L) =>
        new(L["The workbook is damaged or incomplete. Open it in Excel, save it again and upload it once more."]);

    private static string SafeText(IXLCell cell)
    {
        try { return Read(cell).Text; }
        catch (Exception e) when (e is not OutOfMemoryException) { return ""; }
    }

    /// <summary>A cell's value without evaluating formulas: a formula gives the value Excel saved with it.</summary>
    private static SheetCell Read(IXLCell cell)
    {
        object? value;
        try
        {
            value = cell.HasFormula ? cell.CachedValue : cell.Value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SheetCell(cell.GetString(), null);
        }
        return value switch
        {
            null => SheetCell.Empty,
            string s => new SheetCell(s, null),
            double d => new SheetCell(d.ToString("R", CultureInfo.InvariantCulture), d),
            DateTime t => new SheetCell(t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), t),
            bool b => new SheetCell(b ? "TRUE" : "FALSE", b),
            IFormattable f => new SheetCell(f.ToString(null, CultureInfo.InvariantCulture), null),
            _ => new SheetCell(value.ToString() ?? "", null),
        };
    }

    /// <summary>Checks the ZIP before any XML parser sees it.</summary>
    private static void Inspect(byte[] data, IStringLocalizer L)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) throw TooBig(L);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) throw NotAWorkbook(L);
            long total = 0, cells = 0;
            var isWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxUncompressed || (total += entry.Length) > MaxUncompressed) throw TooBig(L);
                var name = entry.FullName;
                var xml = name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                          || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
                var sheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && xml;
                var scan = new XmlScan(sheet);
                using (var stream = entry.Open())
                {
                    var buffer = new byte[81920];
                    long read = 0;
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        read += n;
                        if (read > entry.Length || read > MaxUncompressed) throw TooBig(L);
                        if (xml) scan.Feed(buffer.AsSpan(0, n));
                    }
                }
                if (scan.HasDtd)
                    throw new SpreadsheetRejectedException(L["The workbook contains a document type declaration (DOCTYPE), which is refused for security reasons. Open it in Excel, save it again and upload it once more."]);
                if ((cells += scan.Cells) > MaxCells) throw TooBig(L);
                if (entry == types) isWorkbook = scan.MentionsSpreadsheet;
            }
            if (!isWorkbook || zip.GetEntry("xl/workbook.xml") is null) throw NotAWorkbook(L);
        }
        catch (InvalidDataException)
        {
            throw Damaged(L);
        }
    }

    private static SpreadsheetRejectedException TooBig(IStringLocalizer L) =>
        new(L["The workbook is too large once uncompressed. Split it into smaller files."]);

    private static SpreadsheetRejectedException NotAWorkbook(IStringLocalizer L) =>
        new(L["This is a compressed (ZIP) file but not an Excel workbook. Save it as an Excel workbook (.xlsx) or as CSV UTF-8."]);

    /// <summary>
    /// Streams over an XML part looking for "&lt;!DOCTYPE" or "&lt;!ENTITY" (in any case; NUL bytes of UTF-16 skipped),
    /// counting cell elements (&lt;c …&gt;, with or without a namespace prefix) and noting a spreadsheet content type.
    /// </summary>
    private sealed class XmlScan(bool countCells)
    {
        private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();
        private static readonly byte[] Entity = "<!ENTITY"u8.ToArray();
        private static readonly byte[] Spreadsheet = "spreadsheetml.sheet.main"u8.ToArray();
        private int _doctype, _entity, _spreadsheet;
        // Where the cell counter is in a tag: 0 outside, 1 after '<', 2 in a name, 4 after a prefix's ':', 3 after '<c'.
        private int _tag;

        public bool HasDtd { get; private set; }
        public bool MentionsSpreadsheet { get; private set; }
        public long Cells { get; private set; }

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var raw in bytes)
            {
                if (raw == 0) continue;
                var upper = raw is >= (byte)'a' and <= (byte)'z' ? (byte)(raw - 32) : raw;
                HasDtd |= Match(Doctype, upper, ref _doctype) | Match(Entity, upper, ref _entity);
                MentionsSpreadsheet |= Match(Spreadsheet, raw, ref _spreadsheet);
                if (countCells) CountCell(raw);
            }
        }

        private static bool Match(byte[] pattern, byte b, ref int state)
        {
            if (b == pattern[state])
            {
                if (++state < pattern.Length) return false;
                state = 0;
                return true;
            }
            state = b == pattern[0] ? 1 : 0;
            return false;
        }

        private static bool NameChar(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.';

        private void CountCell(byte b)
        {
            _tag = _tag switch
            {
                0 => b == '<' ? 1 : 0,
                // after '<': a 'c' may be the cell element; any other name may be a prefix
                1 => b == 'c' ? 3 : NameChar(b) ? 2 : 0,
                // inside a prefix or another element's name
                2 => b == ':' ? 4 : NameChar(b) ? 2 : b == '<' ? 1 : 0,
                // after 'prefix:'
                4 => b == 'c' ? 3 : b == '<' ? 1 : 0,
                // after '<c' or '<prefix:c': a delimiter ends the name
                _ => Ended(b),
            };
        }

        private int Ended(byte b)
        {
            if (b is (byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\r' or (byte)'\n') Cells++;
            return b == '<' ? 1 : 0;
        }
    }
}
