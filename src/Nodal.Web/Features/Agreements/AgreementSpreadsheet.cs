using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation.Results;
using Nodal.Core.Relations;
using Nodal.Web.Features.Actions.Spreadsheet;
using Nodal.Web.Features.Counterparts;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>
/// Exports agreements to XLSX or CSV and imports them back, all rows or none. Reuses the actions' safe reader
/// (<see cref="SpreadsheetFile"/>: type from the content, zip bombs, truncation, DTDs, limits) and report.
/// <list type="bullet">
/// <item>Rows match by Code; a row without a code adds an agreement with the next AG- code. A column absent from the
///   file leaves that field as it is; rows identical to the stored agreement are not written (no audit entry).</item>
/// <item>Parties are counterpart codes. A row may instead (or also) name its partner by city and country, as twinning
///   lists do: an existing counterpart that looks like that city (the counterparts' duplicate rules: same gazetteer
///   place, or same name in the same country) is used; else a city the gazetteer knows without doubt is registered as a
///   new counterpart, placed from the gazetteer; an ambiguous or unknown city is a row error. Nothing is guessed.</item>
/// <item>A new agreement may come in any status but Renewed; an existing one may only take its next step of the life cycle.</item>
/// </list>
/// </summary>
public sealed class AgreementSpreadsheet(
    NodalDbContext db, TenantContext tenant, AgreementService agreements, AgreementListService list, CounterpartService counterparts,
    IStringLocalizer<SharedResource> L)
{
    public const string Code = "Code", Kind = "Kind", Status = "Status", Parties = "Parties", PartnerCity = "Partner city",
        PartnerCountry = "Partner country", Subjects = "Subjects", SignedOn = "Signed on", EffectiveFrom = "In force from",
        ExpiresOn = "Expires on", Renewal = "Renewal terms", Signatories = "Signatories", LeadDepartment = "Lead department";
    public static string Title(string lang) => "Title " + lang;
    public static string Commitments(string lang) => "Commitments " + lang;
    public static string Summary(string lang) => "Summary " + lang;

    public static readonly IReadOnlyList<string> Columns =
    [
        Code, Kind, Title("es"), Title("en"), Title("fr"), Status, Parties, PartnerCity, PartnerCountry, Subjects, SignedOn, EffectiveFrom,
        ExpiresOn, Renewal, Signatories, Commitments("es"), Commitments("en"), Commitments("fr"), Summary("es"), Summary("en"), Summary("fr"),
        LeadDepartment,
    ];
    private static readonly HashSet<string> DateColumns = [SignedOn, EffectiveFrom, ExpiresOn];
    private static readonly Dictionary<string, string> ByKey = Columns.ToDictionary(Key, c => c, StringComparer.Ordinal);
    private const int MaxReportedErrors = 200;

    private static string Key(string header) => string.Join(' ', header.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
    public static bool IsColumn(string header) => ByKey.ContainsKey(Key(header)) || Key(header) is "title" or "commitments" or "summary";

    private sealed record PartyRef(Guid Id, string Code, CounterpartKind Kind, string Name, string? Country, int? GazetteerId);

    private async Task<List<PartyRef>> PartiesAsync(CancellationToken ct) =>
        (await db.Counterparts.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Kind, c.Name, c.Country, c.GazetteerId }).ToListAsync(ct))
        .Select(c => new PartyRef(c.Id, c.Code, c.Kind, c.Name, c.Country, c.GazetteerId)).ToList();

    private async Task<List<(Guid Id, string Code, LocalizedText Name)>> DepartmentsAsync(CancellationToken ct) =>
        (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct))
        .Select(d => (d.Id, d.Code, d.Name)).ToList();

    // ================================================================== export

    /// <summary>The agreements the list's search and filters keep, one row each, by code.</summary>
    public async Task<SpreadsheetDownload> ExportAsync(SpreadsheetFormat format, AgreementListQuery query, CancellationToken ct)
    {
        var ids = (await list.FilteredAsync(query, ct)).Rows.Select(r => r.Id).ToHashSet();
        var rows = (await db.Agreements.AsNoTracking().ToListAsync(ct)).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var parties = await PartiesAsync(ct);
        var departments = await DepartmentsAsync(ct);
        var byId = parties.ToDictionary(p => p.Id);
        var departmentCode = departments.ToDictionary(d => d.Id, d => d.Code);
        var name = $"nodal-agreements-{tenant.OrganizationSlug}-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return Write(format, rows.Select(a => Row(a, byId, departmentCode)).ToList(), name, parties, departments);
    }

    public async Task<SpreadsheetDownload> TemplateAsync(SpreadsheetFormat format, CancellationToken ct) =>
        Write(format, [], "nodal-agreements-template", await PartiesAsync(ct), await DepartmentsAsync(ct));

    private static object?[] Row(Agreement a, Dictionary<Guid, PartyRef> parties, Dictionary<Guid, string> departments)
    {
        var ps = a.PartyIds.Where(parties.ContainsKey).Select(id => parties[id]).ToList();
        // The first city among the parties is shown as the partner city: re-importing finds it among the parties.
        var city = ps.FirstOrDefault(p => p.Kind == CounterpartKind.City && p.Country is not null);
        return
        [
            a.Code, a.Kind.ToString(), a.Title.Es, a.Title.En, a.Title.Fr, a.Status.ToString(), string.Join("; ", ps.Select(p => p.Code)),
            city?.Name, city?.Country, string.Join("; ", a.Subjects), a.SignedOn, a.EffectiveFrom, a.ExpiresOn, a.Renewal.ToString(), a.Signatories,
            a.Commitments.Es, a.Commitments.En, a.Commitments.Fr, a.Summary.Es, a.Summary.En, a.Summary.Fr,
            a.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
        ];
    }

    private SpreadsheetDownload Write(SpreadsheetFormat format, List<object?[]> rows, string name, List<PartyRef> parties, List<(Guid Id, string Code, LocalizedText Name)> departments)
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
                        csv.WriteField(v switch
                        {
                            null => "",
                            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                            _ => SpreadsheetFile.EscapeFormula(v.ToString() ?? ""),
                        });
                    csv.NextRecord();
                }
            }
            return new SpreadsheetDownload(buffer.ToArray(), ActionSpreadsheet.CsvContentType, name + ".csv");
        }

        using var workbook = new XLWorkbook();
        workbook.Properties.Title = L["Agreements"];
        workbook.Properties.Author = "Nodal";
        var sheet = workbook.Worksheets.Add("Agreements");
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = sheet.Column(c + 1);
            column.Style.NumberFormat.Format = DateColumns.Contains(Columns[c]) ? "yyyy-mm-dd" : "@";
            column.Width = Columns[c] switch
            {
                var t when t.StartsWith("Title", StringComparison.Ordinal) => 36,
                var t when t.StartsWith("Commitments", StringComparison.Ordinal) || t.StartsWith("Summary", StringComparison.Ordinal) => 40,
                Signatories or Parties or Subjects => 24,
                _ => 14,
            };
            sheet.Cell(1, c + 1).SetValue(Columns[c]);
        }
        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F3F2F1");
        header.Style.NumberFormat.Format = "@";
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case null: break;
                    case DateOnly d: cell.SetValue(d.ToDateTime(TimeOnly.MinValue)); break;
                    case string s when s.Length > 0: cell.SetValue(s); break;
                }
            }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(rows.Count + 1, 2), Columns.Count).SetAutoFilter();

        var lists = WriteHelp(workbook, parties, departments);
        // Drop-down lists for the values Nodal expects (a hint, not a block: labels in the user's language are accepted too).
        var last = Math.Max(rows.Count + 1, 2) + 500;
        foreach (var (column, range) in lists)
        {
            var index = Columns.ToList().IndexOf(column);
            if (index < 0 || range is null) continue;
            var validation = sheet.Range(2, index + 1, last, index + 1).SetDataValidation();
            validation.List(range, true);
            validation.IgnoreBlanks = true;
            validation.ErrorStyle = XLErrorStyle.Information;
            validation.ShowErrorMessage = false;
        }
        sheet.SetTabActive();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new SpreadsheetDownload(stream.ToArray(), ActionSpreadsheet.XlsxContentType, name + ".xlsx");
    }

    /// <summary>The Help sheet: the rules, each column explained, then the values allowed. Returns the ranges of the lists.</summary>
    private Dictionary<string, IXLRange?> WriteHelp(XLWorkbook workbook, List<PartyRef> parties, List<(Guid Id, string Code, LocalizedText Name)> departments)
    {
        var help = workbook.Worksheets.Add("Help");
        help.Column(1).Width = 26;
        help.Column(2).Width = 70;
        help.Column(3).Width = 30;
        help.Style.Alignment.WrapText = true;
        help.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        var r = 1;
        void Line(params string?[] cells)
        {
            for (var c = 0; c < cells.Length; c++) if (!string.IsNullOrEmpty(cells[c])) help.Cell(r, c + 1).SetValue(cells[c]!);
            r++;
        }
        void Heading(string text)
        {
            r++;
            Line(text);
            help.Cell(r - 1, 1).Style.Font.Bold = true;
            help.Cell(r - 1, 1).Style.Font.FontSize = 13;
        }

        Line(L["How to fill in the agreements spreadsheet"]);
        help.Cell(1, 1).Style.Font.Bold = true;
        help.Cell(1, 1).Style.Font.FontSize = 16;
        foreach (var note in Notes(L))
        {
            help.Range(r, 1, r, 3).Merge();
            Line(note);
        }

        Heading(L["Columns"]);
        Line(L["Column"], L["What it holds"], L["Required?"]);
        help.Row(r - 1).Style.Font.Bold = true;
        foreach (var c in Columns)
        {
            var (what, required) = Describe(c);
            Line(c, what, required);
        }

        var ranges = new Dictionary<string, IXLRange?>();
        IXLRange? List<T>(string title, IEnumerable<T> items, Func<T, string> value, Func<T, string?> label, Func<T, string?>? extra = null)
        {
            Heading(title);
            var first = r;
            foreach (var item in items) Line(value(item), label(item), extra?.Invoke(item));
            return r > first ? help.Range(first, 1, r - 1, 1) : null;
        }
        var lang = Languages.Current;
        ranges[Kind] = List(L["Kinds"], Enum.GetValues<AgreementKind>(), k => k.ToString(), k => k.Label(L));
        ranges[Status] = List(L["Statuses"], Enum.GetValues<AgreementStatus>(), s => s.ToString(), s => s.Label(L),
            s => AgreementHealth.Next(s) is { Count: > 0 } next ? L["Next: {0}", string.Join(", ", next)].Value : null);
        ranges[Renewal] = List(L["Renewal terms"], Enum.GetValues<RenewalTerms>(), t => t.ToString(), t => t.Label(L));
        ranges[LeadDepartment] = List(L["Department codes"], departments, d => d.Code, d => d.Name.Get(lang, tenant.DefaultLanguage));
        List(L["Counterpart codes"], parties, p => p.Code, p => p.Name, p => p.Country);
        ranges[PartnerCountry] = List(L["Country codes"], Nodal.Web.Features.Organizations.Countries.All.OrderBy(c => c.Code, StringComparer.Ordinal), c => c.Code, c => c.Name(lang));
        return ranges;
    }

    private (string What, string Required) Describe(string column)
    {
        string Optional() => L["No"];
        var main = tenant.DefaultLanguage;
        return column switch
        {
            Code => (L["The agreement's code. Empty: a new agreement gets the next code (AG-0001…)."], Optional()),
            Kind => (L["The kind of agreement: one of the Kinds below."], L["Yes"]),
            Status => (L["The status: one of the Statuses below. Empty: Draft for a new agreement, unchanged for an existing one."], Optional()),
            Parties => (L["The codes of the counterparts party to the agreement, separated by semicolons (;)."], L["Yes, or the partner city"]),
            PartnerCity => (L["For a twinning list: the partner city's name, with its country. It is found among the counterparts, or registered from the gazetteer of world cities."], Optional()),
            PartnerCountry => (L["The partner city's country, as an ISO 3166 two-letter code (IT, FR, MX…)."], L["With the partner city"]),
            Subjects => (L["Subject areas, separated by semicolons (;)."], Optional()),
            SignedOn or EffectiveFrom or ExpiresOn => (L["A date, YYYY-MM-DD."], column == SignedOn ? L["When signed or active"] : Optional()),
            Renewal => (L["The renewal terms: one of those below. Empty: not renewed."], Optional()),
            Signatories => (L["Who signed, one per line."], Optional()),
            LeadDepartment => (L["The code of the department that follows the agreement."], Optional()),
            _ when column == Title(main) => (L["The title in {0}.", Languages.NativeName(column[^2..])], L["Yes"]),
            _ when column.StartsWith("Title", StringComparison.Ordinal) => (L["The title in {0}.", Languages.NativeName(column[^2..])], Optional()),
            _ when column.StartsWith("Commitments", StringComparison.Ordinal) => (L["What the parties committed to, in {0}.", Languages.NativeName(column[^2..])], Optional()),
            _ => (L["A summary, in {0}.", Languages.NativeName(column[^2..])], Optional()),
        };
    }

    /// <summary>The rules of the import, for the Help sheet and the import page.</summary>
    public static IReadOnlyList<string> Notes(IStringLocalizer L) =>
    [
        L["The first row holds the column names; keep them as they are. Each following row is one agreement."],
        L["A row whose code matches an agreement changes that agreement; a row without a code adds one. Re-importing an export changes nothing, and rows left as they were are not written."],
        L["The import is all or nothing: if any row has an error, nothing is saved and every error is listed with its row and column."],
        L["A column left out of the file leaves that field as it is; an empty cell clears it."],
        L["A column named Title, Commitments or Summary, without a language, holds the text in the organization's main language."],
        L["Parties are counterpart codes. For a twinning list, give the partner city and its country instead: an existing counterpart is used, or a city the gazetteer knows for certain is registered as a new counterpart. When several cities share the name, or none has it, the row is refused: register the counterpart first and give its code."],
        L["A new agreement may come in any status but Renewed. An existing agreement may only take the next step of its life cycle; to renew one, use Renew on its page."],
    ];

    // ================================================================== import

    /// <summary>How many counterparts the last successful import registered for partner cities.</summary>
    public int CounterpartsAdded { get; private set; }

    /// <summary>A counterpart the import registers for a partner city, once however many rows name it.</summary>
    private sealed class NewCity(CounterpartInput input)
    {
        public CounterpartInput Input { get; } = input;
        public Guid Placeholder { get; } = Guid.NewGuid();
    }

    /// <summary>Reads every row, then — only if no row has an error — adds the counterparts and agreements, and changes agreements.</summary>
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
            // "Title", "Commitments", "Summary" without a language: the organization's main language.
            var key = Key(header) is "title" or "commitments" or "summary" ? Key(header) + " " + tenant.DefaultLanguage : Key(header);
            if (!ByKey.TryGetValue(key, out var column)) errors.Add(new ImportError(1, header, header, L["Unknown column. The Help sheet of the template lists the column names."]));
            else if (!index.TryAdd(column, i)) errors.Add(new ImportError(1, header, header, L["This column appears twice."]));
        }
        if (index.Count == 0) return ImportReport.Refused(L["The first row must hold the column names. Download the template to see them."]);
        if (errors.Count > 0) return Report(errors);
        if (table.Rows.Count == 0) return ImportReport.Refused(L["The file has no rows to import."]);

        var existing = (await db.Agreements.ToListAsync(ct)).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var reserved = await db.Agreements.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking().Select(a => a.Code).ToListAsync(ct);
        var parties = await PartiesAsync(ct);
        var partyByCode = parties.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        var partyById = parties.ToDictionary(p => p.Id);
        var departmentByCode = (await DepartmentsAsync(ct)).ToDictionary(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase);
        var newCities = new Dictionary<int, NewCity>();

        var codes = table.Rows.Select(r => AgreementInput.NormalizeCode(Cell(r, Code))).ToList();
        foreach (var group in codes.Select((code, i) => (code, i)).Where(x => x.code.Length > 0).GroupBy(x => x.code).Where(g => g.Count() > 1))
        {
            var rowNumbers = string.Join(", ", group.Select(x => table.Rows[x.i].Number));
            foreach (var (_, i) in group)
                errors.Add(new ImportError(table.Rows[i].Number, Code, group.Key, L["The code {0} is in rows {1}: each agreement goes in one row.", group.Key, rowNumbers]));
        }
        var taken = reserved.Concat(codes.Where(c => c.Length > 0)).ToList();
        var duplicateRows = errors.Select(e => e.Row).ToHashSet();

        var planned = new List<(Agreement? Existing, AgreementInput Input, AgreementStatus? MoveTo)>();
        int unchanged = 0;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var failed = new HashSet<string>();
            void Error(string column, string message)
            {
                if (failed.Add(column))
                    errors.Add(new ImportError(row.Number, column, index.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at].Text : null, message));
            }
            if (duplicateRows.Contains(row.Number)) failed.Add(Code);

            var match = codes[i].Length > 0 ? existing.GetValueOrDefault(codes[i]) : null;
            var before = match is null ? null : AgreementInput.From(match);
            var input = match is null ? new AgreementInput { Status = AgreementStatus.Draft, Renewal = RenewalTerms.None } : AgreementInput.From(match);
            input.Code = codes[i].Length > 0 ? codes[i] : null;

            if (Has(Kind)) input.Kind = Choice<AgreementKind>(Kind, k => k.Label(L));
            foreach (var lang in LocalizedText.Languages)
            {
                if (Has(Title(lang))) input.Title[lang] = Optional(Title(lang));
                if (Has(Commitments(lang))) input.Commitments[lang] = Optional(Commitments(lang));
                if (Has(Summary(lang))) input.Summary[lang] = Optional(Summary(lang));
            }
            AgreementStatus? moveTo = null;
            if (Has(Status) && Cell(row, Status).Length > 0 && Choice<AgreementStatus>(Status, s => s.Label(L)) is { } status)
            {
                if (status == AgreementStatus.Renewed && (match is null || match.Status != AgreementStatus.Renewed))
                    Error(Status, L["To renew an agreement, use Renew: it creates the renewal."]);
                else if (match is null)
                    input.Status = status;
                else if (status != match.Status)
                {
                    var move = agreements.ValidateStatus(match, new StatusInput { Status = status });
                    foreach (var failure in move.Errors) Error(Status, failure.ErrorMessage);
                    if (move.IsValid)
                    {
                        input.Status = status;
                        moveTo = status;
                    }
                }
            }
            if (Has(Parties))
            {
                input.PartyIds = [];
                foreach (var code in Cell(row, Parties).Split([';', ',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (partyByCode.TryGetValue(code, out var p)) input.PartyIds.Add(p.Id);
                    else Error(Parties, L["There is no counterpart with the code {0}.", code]);
                }
            }
            if (Cell(row, PartnerCity).Length > 0 || Cell(row, PartnerCountry).Length > 0)
                await PartnerAsync(input);
            if (Has(Subjects)) input.Subjects = ListText.Split([Cell(row, Subjects)], ListText.NamesOrCommas);
            if (Has(SignedOn)) input.SignedOn = Date(SignedOn);
            if (Has(EffectiveFrom)) input.EffectiveFrom = Date(EffectiveFrom);
            if (Has(ExpiresOn)) input.ExpiresOn = Date(ExpiresOn);
            if (Has(Renewal)) input.Renewal = Cell(row, Renewal).Length == 0 ? RenewalTerms.None : Choice<RenewalTerms>(Renewal, t => t.Label(L)) ?? input.Renewal;
            if (Has(Signatories)) input.Signatories = Optional(Signatories);
            if (Has(LeadDepartment))
            {
                var code = Cell(row, LeadDepartment);
                input.LeadDepartmentId = null;
                if (code.Length > 0)
                {
                    if (departmentByCode.TryGetValue(code, out var id)) input.LeadDepartmentId = id;
                    else Error(LeadDepartment, L["There is no department with the code {0}.", code]);
                }
            }
            if (failed.Count > 0) continue;

            if (match is not null && before is not null)
            {
                input.Compact();
                before.Compact();
                if (Canonical(input) == Canonical(before))
                {
                    unchanged++;
                    continue;
                }
                input.Version = match.Version;
            }

            var validation = await agreements.ValidateAsync(input, match?.Id, ct);
            var placeholders = input.PartyIds.Where(id => !partyById.ContainsKey(id)).ToList();
            foreach (var failure in validation.Errors)
            {
                // The counterparts this import registers do not exist yet: that is expected.
                if (placeholders.Count > 0 && failure.PropertyName == nameof(AgreementInput.PartyIds) && failure.ErrorMessage == L["One of these counterparts does not exist."]) continue;
                Error(ColumnOf(failure.PropertyName, Has(Parties) ? Parties : PartnerCity), failure.ErrorMessage);
            }
            if (failed.Count > 0) continue;
            if (match is null && input.Code is null)
            {
                input.Code = RelationLookups.NextCode("AG-", taken);
                taken.Add(input.Code);
            }
            planned.Add((match, input, moveTo));

            string? Optional(string column) => Cell(row, column) is { Length: > 0 } t ? t : null;

            T? Choice<T>(string column, Func<T, string> label) where T : struct, Enum
            {
                var text = Cell(row, column);
                if (text.Length == 0) return null;
                var compact = text.Replace(" ", "", StringComparison.Ordinal);
                foreach (var value in Enum.GetValues<T>())
                    if (string.Equals(value.ToString(), compact, StringComparison.OrdinalIgnoreCase) || string.Equals(label(value), text, StringComparison.CurrentCultureIgnoreCase))
                        return value;
                Error(column, L["{0} is not one of the allowed values: {1}.", text, string.Join(", ", Enum.GetValues<T>())]);
                return null;
            }

            DateOnly? Date(string column)
            {
                var cell = index.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at] : SheetCell.Empty;
                if (cell.IsBlank) return null;
                switch (cell.Typed)
                {
                    case DateTime t: return DateOnly.FromDateTime(t);
                    case double d when d is >= 1 and < 2958466: return DateOnly.FromDateTime(DateTime.FromOADate(d));
                }
                var text = cell.Text.Trim();
                if (cell.Typed is null)
                {
                    if (DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
                        return DateOnly.FromDateTime(iso);
                    if (DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out var local) && local.Year is >= 1900 and <= 2200)
                        return DateOnly.FromDateTime(local);
                }
                Error(column, L["Enter a date like {0}.", "2026-03-31"]);
                return null;
            }

            // The partner named by city and country: among the row's parties, else an existing counterpart, else a new one from the gazetteer.
            async Task PartnerAsync(AgreementInput target)
            {
                var city = Cell(row, PartnerCity);
                var country = Cell(row, PartnerCountry).ToUpperInvariant();
                if (city.Length == 0) { Error(PartnerCity, L["Enter the partner city's name, or leave its country empty."]); return; }
                if (country.Length == 0) { Error(PartnerCountry, L["Enter the partner city's country as a two-letter code (IT, FR, MX…)."]); return; }
                if (!Nodal.Web.Features.Organizations.Countries.Exists(country)) { Error(PartnerCountry, L["{0} is not an ISO 3166 country code.", country]); return; }

                var found = Gazetteer.Match(city, country);
                var probe = new CounterpartInput
                {
                    Kind = CounterpartKind.City, Name = city, Country = country,
                    GazetteerId = found.Kind == Gazetteer.MatchKind.Unique ? found.Candidates[0].Id : null,
                };
                var me = new CounterpartIdentity(Guid.Empty, "", city, country, probe.GazetteerId, null);
                if (target.PartyIds.Any(id => partyById.TryGetValue(id, out var p) && counterparts.Resemblance(me, new CounterpartIdentity(p.Id, p.Code, p.Name, p.Country, p.GazetteerId, null)) is not null))
                    return;
                var same = await counterparts.DuplicatesAsync(probe, null, ct);
                if (same.Count == 1)
                {
                    target.PartyIds.Add(same[0].Id);
                    return;
                }
                if (same.Count > 1)
                {
                    Error(PartnerCity, L["{0}, {1}: several counterparts match: {2}. Give the code of the one meant in Parties.", city, country,
                        string.Join("; ", same.Select(s => $"{s.Code} {s.Name}"))]);
                    return;
                }
                switch (found.Kind)
                {
                    case Gazetteer.MatchKind.Unique:
                        var place = found.Candidates[0];
                        if (!newCities.TryGetValue(place.Id, out var newCity))
                        {
                            var cityInput = new CounterpartInput { Kind = CounterpartKind.City, GazetteerId = place.Id };
                            var cityValidation = await counterparts.ValidateAsync(cityInput, null, ct);
                            foreach (var failure in cityValidation.Errors) Error(PartnerCity, failure.ErrorMessage);
                            if (!cityValidation.IsValid) return;
                            newCities[place.Id] = newCity = new NewCity(cityInput);
                        }
                        target.PartyIds.Add(newCity.Placeholder);
                        break;
                    case Gazetteer.MatchKind.Ambiguous:
                        Error(PartnerCity, L["{0}, {1}: {2} cities of the gazetteer have this name: {3}. Register the one meant as a counterpart and give its code in Parties.",
                            city, country, found.Candidates.Count, Candidates(found.Candidates)]);
                        break;
                    default:
                        Error(PartnerCity, found.Candidates.Count == 0
                            ? L["{0}, {1}: no city of the gazetteer has this name. Register the partner as a counterpart and give its code in Parties.", city, country]
                            : L["{0}, {1}: no city of the gazetteer has this name. Did you mean: {2}? Correct the name, or give the partner's counterpart code in Parties.", city, country, Candidates(found.Candidates)]);
                        break;
                }
            }
        }

        if (errors.Count > 0) return Report(errors);

        int added = 0, updated = 0;
        try
        {
            // The new cities first, so the agreements' parties exist when they are saved.
            var cpTaken = new List<string>();
            var ids = new Dictionary<Guid, Guid>();
            foreach (var city in newCities.Values)
            {
                var c = await counterparts.AddAsync(city.Input, ct, cpTaken);
                cpTaken.Add(c.Code);
                ids[city.Placeholder] = c.Id;
            }
            foreach (var (match, input, moveTo) in planned)
            {
                input.PartyIds = input.PartyIds.Select(id => ids.GetValueOrDefault(id, id)).ToList();
                if (match is null)
                {
                    await agreements.CreateAsync(input, ct);
                    added++;
                }
                else
                {
                    if (moveTo is { } to)
                    {
                        // The same step as on the agreement's page, saved with the row's other changes.
                        match.Status = to;
                        if (to is AgreementStatus.Expired or AgreementStatus.Terminated) match.EndedOn ??= agreements.Today;
                    }
                    await agreements.UpdateAsync(match, input, ct);
                    updated++;
                }
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ImportReport.Refused(L["Someone changed these agreements while the file was being imported. Nothing was saved; import the file again."]);
        }
        CounterpartsAdded = newCities.Count;
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

    /// <summary>"Springfield, MO (id 4409896, 169,176)": name, first-level division, gazetteer id and population of each city.</summary>
    private static string Candidates(IEnumerable<Gazetteer.City> cities) =>
        string.Join("; ", cities.Take(10).Select(c => $"{string.Join(", ", new[] { c.Name, c.Admin1 }.Where(s => !string.IsNullOrWhiteSpace(s)))} (id {c.Id.ToString(CultureInfo.InvariantCulture)}, {c.Population.ToString("N0", CultureInfo.CurrentCulture)})"));

    private static string ColumnOf(string property, string partiesColumn)
    {
        foreach (var lang in LocalizedText.Languages)
        {
            var pascal = AgreementValidator.Pascal(lang);
            if (property == $"Title.{pascal}") return Title(lang);
            if (property == $"Commitments.{pascal}") return Commitments(lang);
            if (property == $"Summary.{pascal}") return Summary(lang);
        }
        return property.Split('.', '[')[0] switch
        {
            nameof(AgreementInput.Kind) => Kind,
            nameof(AgreementInput.Status) => Status,
            nameof(AgreementInput.PartyIds) => partiesColumn,
            nameof(AgreementInput.Subjects) => Subjects,
            nameof(AgreementInput.SignedOn) => SignedOn,
            nameof(AgreementInput.EffectiveFrom) => EffectiveFrom,
            nameof(AgreementInput.ExpiresOn) => ExpiresOn,
            nameof(AgreementInput.Renewal) => Renewal,
            nameof(AgreementInput.Signatories) => Signatories,
            nameof(AgreementInput.LeadDepartmentId) => LeadDepartment,
            _ => Code,
        };
    }

    /// <summary>Everything an import can change, written the way the agreement stores it: equal means the row changes nothing.</summary>
    private static string Canonical(AgreementInput i)
    {
        static string Text(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s.Trim().ReplaceLineEndings("\n");
        var parts = new List<string>
        {
            AgreementInput.NormalizeCode(i.Code), i.Kind?.ToString() ?? "", i.Status?.ToString() ?? "", string.Join(",", i.PartyIds),
            string.Join("\u001e", i.Subjects), i.SignedOn?.ToString("O") ?? "", i.EffectiveFrom?.ToString("O") ?? "", i.ExpiresOn?.ToString("O") ?? "",
            (i.Renewal ?? RenewalTerms.None).ToString(), Text(i.Signatories), i.LeadDepartmentId?.ToString() ?? "",
        };
        foreach (var lang in LocalizedText.Languages)
        {
            parts.Add(Text(i.Title[lang]));
            parts.Add(Text(i.Commitments[lang]));
            parts.Add(Text(i.Summary[lang]));
            parts.Add(Text(i.RenewalNotes[lang]));
        }
        return string.Join('\u001f', parts);
    }
}
