using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>A file to download.</summary>
public sealed record SpreadsheetDownload(byte[] Content, string ContentType, string FileName);

/// <summary>One problem of an import: the row and column the user sees (row 1 is the header), the cell's text, what to do.</summary>
public sealed record ImportError(int? Row, string? Column, string? Value, string Message);

/// <summary>What an import did, or why it did nothing (then <see cref="Errors"/> is not empty and nothing was written).</summary>
public sealed record ImportReport(int Added, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors, int ErrorCount, bool TooLarge = false)
{
    public bool Succeeded => ErrorCount == 0;

    public static ImportReport Refused(string message, bool tooLarge = false) => new(0, 0, 0, [new ImportError(null, null, null, message)], 1, tooLarge);
}

/// <summary>
/// Exports the actions of a plan to XLSX or CSV and imports them back, all rows or none.
///
/// Decisions (also told to users on the Help sheet and the import page):
/// <list type="bullet">
/// <item>The header row holds stable English keys (<see cref="ActionColumns"/>); the Help sheet explains them in the user's language.</item>
/// <item>Rows match existing actions by <c>code</c>; an empty or unknown code adds an action. Codes are unique in the
///   organization, so a row whose action belongs to another plan is refused rather than moved.</item>
/// <item>Departments and objectives are referred to by their codes; axes, which have no code, by name (in any language).</item>
/// <item>Budgets: one currency per row (<c>currency</c>, the organization's when empty) and two columns per year. For
///   each year with columns in the file, the action's lines of that year in the row's currency (and in the action's
///   previous main currency, when the row changes it) are replaced; lines of years without columns and lines in
///   other currencies stay as they are (shown, read-only, in <c>budget_other_currencies</c>).</item>
/// <item>Milestones are not in the spreadsheet; an import leaves them untouched.</item>
/// <item>A column absent from the file leaves that field of existing actions as it is; an empty cell clears it.</item>
/// <item>Rows identical to the stored action are counted as unchanged and not written, so a focal point may
///   re-import a full export in which they changed only their department's rows.</item>
/// <item><c>version</c>: when filled, a row whose action changed in Nodal after the export is refused instead of
///   overwriting that change.</item>
/// </list>
/// </summary>
public sealed class ActionSpreadsheet(NodalDbContext db, TenantContext tenant, ActionService actions, IStringLocalizer<SharedResource> L)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const int MaxReportedErrors = 1000;

    public static SpreadsheetFormat? ParseFormat(string? format) => (format ?? "xlsx").Trim().ToLowerInvariant() switch
    {
        "xlsx" or "" => SpreadsheetFormat.Xlsx,
        "csv" => SpreadsheetFormat.Csv,
        _ => null,
    };

    /// <summary>The plans the user can choose from, the current one first.</summary>
    public async Task<List<StrategicPlan>> PlansAsync(CancellationToken ct) =>
        await db.Plans.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear).ToListAsync(ct);

    /// <summary>The plan asked for, or the organization's current plan (the latest when none is marked current).</summary>
    public Task<StrategicPlan?> FindPlanAsync(Guid? planId, CancellationToken ct) => planId is { } id
        ? db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
        : db.Plans.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear).FirstOrDefaultAsync(ct);

    // ================================================================== references

    private sealed record DepartmentRef(Guid Id, string Code, LocalizedText Name);

    private sealed class References
    {
        public required List<DepartmentRef> Departments { get; init; }
        public required List<Objective> Objectives { get; init; }
        public required List<Axis> Axes { get; init; }
        public Dictionary<Guid, string> DepartmentCode => _departmentCode ??= Departments.ToDictionary(d => d.Id, d => d.Code);
        public Dictionary<string, Guid> DepartmentByCode => _departmentByCode ??= Departments.ToDictionary(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase);
        public Dictionary<Guid, string> ObjectiveCode => _objectiveCode ??= Objectives.ToDictionary(o => o.Id, o => o.Code);
        public Dictionary<string, Guid> ObjectiveByCode => _objectiveByCode ??= Objectives.GroupBy(o => o.Code.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

        /// <summary>Every name of every axis, in each language, to the axes bearing it.</summary>
        public ILookup<string, Guid> AxesByName => _axesByName ??= Axes
            .SelectMany(a => LocalizedText.Languages.Select(l => (Name: a.Name[l]?.Trim(), a.Id)).Where(n => !string.IsNullOrEmpty(n.Name)).DistinctBy(n => n.Name!.ToUpperInvariant()))
            .ToLookup(n => n.Name!, n => n.Id, StringComparer.OrdinalIgnoreCase);

        private Dictionary<Guid, string>? _departmentCode, _objectiveCode;
        private Dictionary<string, Guid>? _departmentByCode, _objectiveByCode;
        private ILookup<string, Guid>? _axesByName;
    }

    private async Task<References> LoadReferencesAsync(StrategicPlan? plan, CancellationToken ct) => new()
    {
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct))
            .Select(d => new DepartmentRef(d.Id, d.Code, d.Name)).ToList(),
        Objectives = plan is null ? [] : await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct),
        Axes = plan is null ? [] : await db.Axes.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Priority).ToListAsync(ct),
    };

    /// <summary>The currency an action's row is written in: the organization's when it has lines in it, else its earliest line's.</summary>
    private static string MainCurrency(IEnumerable<(int Year, string Currency)> lines, string organizationCurrency)
    {
        var list = lines.ToList();
        return list.Any(l => l.Currency == organizationCurrency) ? organizationCurrency
            : list.OrderBy(l => l.Year).ThenBy(l => l.Currency, StringComparer.Ordinal).Select(l => l.Currency).FirstOrDefault() ?? organizationCurrency;
    }

    private static IEnumerable<int> PlanYears(StrategicPlan? plan) =>
        plan is { StartYear: >= 1990 and <= 2100 } p && p.EndYear >= p.StartYear && p.EndYear - p.StartYear < 30
            ? Enumerable.Range(p.StartYear, p.EndYear - p.StartYear + 1) : [];

    // ================================================================== export

    /// <summary>Every action of the plan, one row each, with the Help sheet in an XLSX.</summary>
    public async Task<SpreadsheetDownload> ExportAsync(SpreadsheetFormat format, StrategicPlan plan, CancellationToken ct)
    {
        var refs = await LoadReferencesAsync(plan, ct);
        var list = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Code).ToListAsync(ct);
        var budgets = (await (from b in db.Budgets.AsNoTracking()
                              join a in db.Actions on b.ActionId equals a.Id
                              where a.PlanId == plan.Id
                              select b).ToListAsync(ct)).ToLookup(b => b.ActionId);
        var rows = new List<Dictionary<string, object?>>(list.Count);
        var years = new HashSet<int>(PlanYears(plan));
        foreach (var a in list)
        {
            var row = ExportRow(a, budgets[a.Id].ToList(), refs);
            foreach (var key in row.Keys) if (ActionColumns.Budget(key) is { } b) years.Add(b.Year);
            rows.Add(row);
        }
        var columns = ActionColumns.For(years);
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = $"nodal-actions-{tenant.OrganizationSlug}-{stamp}";
        return format == SpreadsheetFormat.Csv
            ? new SpreadsheetDownload(WriteCsv(columns, rows), CsvContentType, name + ".csv")
            : new SpreadsheetDownload(WriteXlsx(columns, rows, plan, refs), XlsxContentType, name + ".xlsx");
    }

    /// <summary>The same columns with no rows (for the plan's years), and the Help sheet in an XLSX.</summary>
    public async Task<SpreadsheetDownload> TemplateAsync(SpreadsheetFormat format, StrategicPlan? plan, CancellationToken ct)
    {
        var refs = await LoadReferencesAsync(plan, ct);
        var columns = ActionColumns.For(PlanYears(plan));
        return format == SpreadsheetFormat.Csv
            ? new SpreadsheetDownload(WriteCsv(columns, []), CsvContentType, "nodal-actions-template.csv")
            : new SpreadsheetDownload(WriteXlsx(columns, [], plan, refs), XlsxContentType, "nodal-actions-template.xlsx");
    }

    private Dictionary<string, object?> ExportRow(PolicyAction a, List<ActionBudget> budgets, References refs)
    {
        string Codes(IEnumerable<Guid> ids) => string.Join("; ", ids.Select(id => refs.DepartmentCode.GetValueOrDefault(id, "")).Where(c => c.Length > 0));
        var row = new Dictionary<string, object?>
        {
            [ActionColumns.Code] = a.Code,
            [ActionColumns.Origin] = a.Origin.ToString(),
            [ActionColumns.Objective] = a.ObjectiveId is { } o ? refs.ObjectiveCode.GetValueOrDefault(o) : null,
            [ActionColumns.RequestedByDepartment] = a.RequestedByDepartmentId is { } r ? refs.DepartmentCode.GetValueOrDefault(r) : null,
            [ActionColumns.RequestedBy] = a.RequestedBy,
            [ActionColumns.RequestedOn] = a.RequestedOn,
            [ActionColumns.Modality] = a.Modality.ToString(),
            [ActionColumns.LeadDepartment] = refs.DepartmentCode.GetValueOrDefault(a.LeadDepartmentId),
            [ActionColumns.InvolvedDepartments] = Codes(a.InvolvedDepartmentIds),
            [ActionColumns.Axes] = string.Join("; ", a.AxisIds.Select(id => refs.Axes.FirstOrDefault(x => x.Id == id)?.Name.Get(tenant.DefaultLanguage)).Where(n => !string.IsNullOrEmpty(n))),
            [ActionColumns.Partners] = string.Join("; ", a.Partners),
            [ActionColumns.Countries] = string.Join("; ", a.Countries),
            [ActionColumns.Cities] = string.Join("; ", a.Cities),
            [ActionColumns.Start] = a.Start,
            [ActionColumns.End] = a.End,
            [ActionColumns.Status] = a.Status.ToString(),
            [ActionColumns.BeneficiaryCount] = a.BeneficiaryCount,
            [ActionColumns.SdgTargets] = string.Join("; ", a.SdgTargets),
            [ActionColumns.Version] = a.Version,
        };
        foreach (var lang in LocalizedText.Languages)
        {
            row[ActionColumns.Title(lang)] = a.Title[lang];
            row[ActionColumns.Description(lang)] = a.Description[lang];
            row[ActionColumns.Beneficiaries(lang)] = a.Beneficiaries[lang];
        }
        var currency = MainCurrency(budgets.Select(b => (b.Year, b.Currency)), tenant.Currency);
        row[ActionColumns.Currency] = currency;
        foreach (var b in budgets.Where(b => b.Currency == currency))
        {
            row[ActionColumns.Planned(b.Year)] = b.Planned;
            row[ActionColumns.Spent(b.Year)] = b.Spent;
        }
        row[ActionColumns.OtherBudgets] = string.Join("; ", budgets.Where(b => b.Currency != currency).OrderBy(b => b.Year).ThenBy(b => b.Currency)
            .Select(b => FormattableString.Invariant($"{b.Year}: {b.Planned:0.00} / {b.Spent:0.00} {b.Currency}")));
        return row;
    }

    private static byte[] WriteCsv(IReadOnlyList<ActionColumn> columns, List<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, SpreadsheetFile.CsvExport()))
        {
            foreach (var c in columns) csv.WriteField(c.Key);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var c in columns)
                {
                    csv.WriteField(row.GetValueOrDefault(c.Key) switch
                    {
                        null => "",
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var v => SpreadsheetFile.EscapeFormula(v.ToString() ?? ""),
                    });
                }
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    private byte[] WriteXlsx(IReadOnlyList<ActionColumn> columns, List<Dictionary<string, object?>> rows, StrategicPlan? plan, References refs)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = L["Actions"];
        workbook.Properties.Author = "Nodal";
        var sheet = workbook.Worksheets.Add(SheetName(L["Actions"], "Actions"));
        for (var c = 0; c < columns.Count; c++)
        {
            var column = sheet.Column(c + 1);
            column.Width = columns[c].Width;
            switch (columns[c].Kind)
            {
                case ColumnKind.Date: column.Style.NumberFormat.Format = "yyyy-mm-dd"; break;
                case ColumnKind.Amount: column.Style.NumberFormat.Format = "#,##0.00"; break;
                case ColumnKind.WholeNumber: column.Style.NumberFormat.Format = "0"; break;
                default: column.Style.NumberFormat.Format = "@"; break;
            }
            var header = sheet.Cell(1, c + 1);
            header.SetValue(columns[c].Key);
        }
        var headerRow = sheet.Row(1);
        headerRow.Style.Font.Bold = true;
        headerRow.Style.Fill.BackgroundColor = XLColor.FromHtml("#F3F2F1");
        headerRow.Style.NumberFormat.Format = "@";

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (row.GetValueOrDefault(columns[c].Key))
                {
                    case null: break;
                    case DateOnly d: cell.SetValue(d.ToDateTime(TimeOnly.MinValue)); break;
                    case decimal m: cell.SetValue(m); break;
                    case int i: cell.SetValue(i); break;
                    case long l: cell.SetValue(l); break;
                    case string s when s.Length > 0: cell.SetValue(s); break;
                }
            }
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(rows.Count + 1, 2), columns.Count).SetAutoFilter();

        var help = WriteHelp(workbook, columns, plan, refs);
        // Drop-down lists for the names Nodal expects (a warning, not a block: labels in the user's language are accepted too).
        var last = Math.Max(rows.Count + 1, 2) + 500;
        foreach (var (key, range) in help)
        {
            var index = columns.ToList().FindIndex(c => c.Key == key);
            if (index < 0 || range is null) continue;
            var validation = sheet.Range(2, index + 1, last, index + 1).SetDataValidation();
            validation.List(range, true);
            validation.IgnoreBlanks = true;
            validation.ErrorStyle = XLErrorStyle.Information;
            validation.ShowErrorMessage = false;
        }
        sheet.SetTabActive();
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name, string fallback)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return clean.Length is > 0 and <= 31 ? clean : fallback;
    }

    /// <summary>The Help sheet: each column explained, then the names and codes allowed. Returns the ranges of the lists.</summary>
    private Dictionary<string, IXLRange?> WriteHelp(XLWorkbook workbook, IReadOnlyList<ActionColumn> columns, StrategicPlan? plan, References refs)
    {
        var help = workbook.Worksheets.Add(SheetName(L["Help"], "Help"));
        help.Column(1).Width = 26;
        help.Column(2).Width = 70;
        help.Column(3).Width = 30;
        help.Column(4).Width = 30;
        help.Style.Alignment.WrapText = true;
        help.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        var r = 1;
        void Heading(string text)
        {
            r++;
            help.Cell(r, 1).SetValue(text);
            help.Cell(r, 1).Style.Font.Bold = true;
            help.Cell(r, 1).Style.Font.FontSize = 13;
            r++;
        }
        void Line(params string?[] cells)
        {
            for (var c = 0; c < cells.Length; c++) if (!string.IsNullOrEmpty(cells[c])) help.Cell(r, c + 1).SetValue(cells[c]!);
            r++;
        }
        void Header(params string[] cells)
        {
            Line(cells);
            help.Row(r - 1).Style.Font.Bold = true;
        }

        help.Cell(r, 1).SetValue(L["How to fill in the actions spreadsheet"].Value);
        help.Cell(r, 1).Style.Font.Bold = true;
        help.Cell(r, 1).Style.Font.FontSize = 16;
        r++;
        if (plan is not null) Line(L["Plan of these actions"], plan.Describe(Languages.Current));
        foreach (var note in Notes(L)) { help.Range(r, 1, r, 4).Merge(); Line(note); }

        Heading(L["Columns"]);
        Header(L["Column"], L["What it holds"], L["Format"], L["Required?"]);
        foreach (var c in columns)
        {
            var (what, format, required) = ActionColumns.Describe(c.Key, tenant.DefaultLanguage, L);
            Line(c.Key, what, format, required);
        }

        var ranges = new Dictionary<string, IXLRange?>();
        IXLRange? List<T>(string title, IEnumerable<T> items, Func<T, string> value, Func<T, string> label, Func<T, string?>? extra = null)
        {
            Heading(title);
            var first = r;
            foreach (var item in items) Line(value(item), label(item), extra?.Invoke(item));
            return r > first ? help.Range(first, 1, r - 1, 1) : null;
        }
        ranges[ActionColumns.Origin] = List(L["Origins"], Enum.GetValues<ActionOrigin>(), o => o.ToString(), o => o.Label(L));
        ranges[ActionColumns.Modality] = List(L["Modalities"], Enum.GetValues<Modality>(), m => m.ToString(), m => m.Label(L), m => m.GroupLabel(L));
        ranges[ActionColumns.Status] = List(L["Statuses"], Enum.GetValues<ActionStatus>(), s => s.ToString(), s => s.Label(L));
        ranges[ActionColumns.LeadDepartment] = List(L["Department codes"], refs.Departments, d => d.Code, d => d.Name.Get(Languages.Current, tenant.DefaultLanguage));
        ranges[ActionColumns.RequestedByDepartment] = ranges[ActionColumns.LeadDepartment];
        ranges[ActionColumns.Objective] = List(L["Objective codes of the plan"], refs.Objectives, o => o.Code, o => o.Statement.Get(Languages.Current, tenant.DefaultLanguage));
        List(L["Axes of the plan"], refs.Axes, a => a.Name.Get(tenant.DefaultLanguage), a => a.Kind.Label(L));
        return ranges;
    }

    /// <summary>The rules of the import, for the Help sheet and the import page.</summary>
    public static IReadOnlyList<string> Notes(IStringLocalizer L) =>
    [
        L["The first row holds the column names; keep them as they are. Each following row is one action."],
        L["A row whose code matches an action changes that action; a row with a new or empty code adds one. Re-importing an export updates the same actions instead of duplicating them."],
        L["The import is all or nothing: if any row has an error, nothing is saved and every error is listed with its row and column."],
        L["A column left out of the file leaves that field as it is; an empty cell clears it."],
        L["Separate several values in one cell with semicolons (;). Write dates as YYYY-MM-DD and amounts with a decimal point."],
        L["Milestones are not part of the spreadsheet: the import leaves them as they are."],
        L["Focal points can change only the actions their department leads; rows they leave unchanged are skipped."],
    ];

    // ================================================================== import

    /// <summary>Plans every row, then — only if no row has an error — adds and changes the actions and saves once.</summary>
    public async Task<ImportReport> ImportAsync(byte[] data, Guid? planId, bool dryRun, CancellationToken ct)
    {
        SheetTable table;
        try
        {
            if (data.LongLength > SpreadsheetFile.MaxBytes) return TooLarge(L);
            table = SpreadsheetFile.Read(data, ActionColumns.IsKey, L);
        }
        catch (SpreadsheetRejectedException e)
        {
            return ImportReport.Refused(e.Message, e.TooLarge);
        }

        var plan = await FindPlanAsync(planId, ct);
        if (plan is null)
            return ImportReport.Refused(planId is null ? L["The organization has no plan yet: create one before importing actions."] : L["This plan does not exist."]);

        var errors = new List<ImportError>();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i];
            if (string.IsNullOrWhiteSpace(header)) continue;
            var key = ActionColumns.Normalize(header);
            if (!ActionColumns.IsKey(key)) errors.Add(new ImportError(1, header, header, L["Unknown column. The Help sheet of the template lists the column names."]));
            else if (!index.TryAdd(key, i)) errors.Add(new ImportError(1, header, header, L["This column appears twice."]));
        }
        if (index.Count == 0) return ImportReport.Refused(L["The first row must hold the column names. Download the template to see them."]);
        if (errors.Count > 0) return Report(errors, 0, 0, 0);
        if (table.Rows.Count == 0) return ImportReport.Refused(L["The file has no rows to import."]);

        var refs = await LoadReferencesAsync(plan, ct);
        var validator = await ActionBulkValidator.LoadAsync(db, tenant, L, ct);
        var existing = (await db.Actions.AsNoTracking().ToListAsync(ct)).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var budgets = (await db.Budgets.AsNoTracking().ToListAsync(ct)).ToLookup(b => b.ActionId);
        var milestones = (await db.Milestones.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.ActionId);
        var reserved = await db.Actions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking().Select(a => a.Code).ToListAsync(ct);

        // Codes: each at most once in the file; empty ones get the next free A-nnn.
        var readers = table.Rows.Select(row => new RowReader(row, index, errors, L)).ToList();
        var codes = readers.Select(r => ActionInput.NormalizeCode(r.Text(ActionColumns.Code))).ToList();
        foreach (var group in codes.Select((code, i) => (code, i)).Where(x => x.code.Length > 0).GroupBy(x => x.code).Where(g => g.Count() > 1))
        {
            var rowNumbers = string.Join(", ", group.Select(x => readers[x.i].Number));
            foreach (var (_, i) in group)
                readers[i].Error(ActionColumns.Code, L["The code {0} is in rows {1}: each action goes in one row.", group.Key, rowNumbers]);
        }
        var next = reserved.Concat(codes).Select(c => c.StartsWith("A-", StringComparison.Ordinal) && int.TryParse(c.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;

        var planned = new List<(PolicyAction? Existing, ActionInput Input)>();
        int unchanged = 0, added = 0, updated = 0;
        for (var i = 0; i < readers.Count; i++)
        {
            var reader = readers[i];
            var match = codes[i].Length > 0 ? existing.GetValueOrDefault(codes[i]) : null;
            var before = match is null ? null : StoredInput(match, budgets[match.Id], milestones[match.Id]);
            var input = before is null ? new ActionInput { Status = ActionStatus.Planned } : Clone(before);
            var budgetColumns = reader.ApplyTo(input, refs, before, tenant.Currency, tenant.DefaultLanguage);
            input.PlanId = plan.Id;
            input.Code = codes[i].Length > 0 ? codes[i] : $"A-{next++:000}";

            if (match is not null && before is not null)
            {
                input.Compact();
                before.Compact();
                if (!reader.HasErrors && Canonical(input) == Canonical(before))
                {
                    unchanged++;
                    continue;
                }
                if (!actions.CanEdit(match))
                {
                    // Nothing else to say about a row the user may not change.
                    reader.Error(ActionColumns.Code, L["Your department does not lead the action {0}: you can only change the actions your department leads.", match.Code]);
                    continue;
                }
                if (match.PlanId != plan.Id)
                    reader.Error(ActionColumns.Code, L["The action {0} belongs to another plan: import it into that plan.", match.Code]);
                if (input.Origin != match.Origin)
                    reader.Error(ActionColumns.Origin, L["An action's origin records how it arrived and cannot change. Attach a reactive action to an objective instead."]);
                if (reader.Long(ActionColumns.Version) is { } version && version != match.Version)
                    reader.Error(ActionColumns.Version, L["This action changed in Nodal after the file was exported. Export it again and redo your change there."]);
                input.Version = match.Version;
            }

            var validation = validator.Validate(input, match?.Id);
            foreach (var failure in validation.Errors)
                reader.Error(ColumnOf(failure.PropertyName, input, budgetColumns), failure.ErrorMessage);
            if (reader.HasErrors) continue;
            planned.Add((match, input));
            if (match is null) added++;
            else updated++;
        }

        if (errors.Count > 0) return Report(errors, 0, 0, 0);
        if (dryRun) return new ImportReport(added, updated, unchanged, [], 0);

        foreach (var (match, input) in planned)
        {
            if (match is null)
            {
                await actions.AddAsync(input, ct);
            }
            else
            {
                db.Actions.Attach(match);
                await actions.ChangeAsync(match, input, ct);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ImportReport.Refused(L["Someone changed these actions while the file was being imported. Nothing was saved; import the file again."]);
        }
        return new ImportReport(added, updated, unchanged, [], 0);

        ImportReport Report(List<ImportError> all, int a, int u, int n)
        {
            var order = index.ToDictionary(kv => kv.Key, kv => kv.Value);
            var sorted = all.OrderBy(e => e.Row ?? 0).ThenBy(e => e.Column is null ? -1 : order.GetValueOrDefault(e.Column, int.MaxValue)).ToList();
            return new ImportReport(a, u, n, sorted.Take(MaxReportedErrors).ToList(), sorted.Count);
        }
    }

    public static ImportReport TooLarge(IStringLocalizer L) =>
        ImportReport.Refused(L["The file is larger than {0} MB. Split it into smaller files.", SpreadsheetFile.MaxBytes / (1024 * 1024)], tooLarge: true);

    /// <summary>The stored action as an input: milestones by id (the import keeps them), budget lines as they are.</summary>
    private ActionInput StoredInput(PolicyAction a, IEnumerable<ActionBudget> budgets, IEnumerable<ActionMilestone> milestones)
    {
        var input = ActionInput.From(a, [], budgets);
        input.Milestones = milestones.OrderBy(m => m.Due).Select(m => new MilestoneInput
        {
            Id = m.Id, Title = m.Title.Get(tenant.DefaultLanguage), Due = m.Due, DoneOn = m.DoneOn,
        }).ToList();
        return input;
    }

    private static ActionInput Clone(ActionInput i) => new()
    {
        PlanId = i.PlanId, Code = i.Code,
        Title = new LocalizedText(i.Title.Es, i.Title.En, i.Title.Fr),
        Description = new LocalizedText(i.Description.Es, i.Description.En, i.Description.Fr),
        Origin = i.Origin, ObjectiveId = i.ObjectiveId, RequestedByDepartmentId = i.RequestedByDepartmentId, RequestedBy = i.RequestedBy,
        RequestedOn = i.RequestedOn, Modality = i.Modality, LeadDepartmentId = i.LeadDepartmentId,
        InvolvedDepartmentIds = [.. i.InvolvedDepartmentIds], AxisIds = [.. i.AxisIds], Partners = [.. i.Partners], Countries = [.. i.Countries],
        Cities = [.. i.Cities], Start = i.Start, End = i.End, Status = i.Status,
        Beneficiaries = new LocalizedText(i.Beneficiaries.Es, i.Beneficiaries.En, i.Beneficiaries.Fr),
        BeneficiaryCount = i.BeneficiaryCount, SdgTargets = [.. i.SdgTargets],
        Milestones = i.Milestones.Select(m => new MilestoneInput { Id = m.Id, Title = m.Title, Due = m.Due, DoneOn = m.DoneOn }).ToList(),
        Budgets = i.Budgets.Select(b => new BudgetInput { Year = b.Year, Planned = b.Planned, Spent = b.Spent, Currency = b.Currency }).ToList(),
        // Links to the relations registry are not in the spreadsheet: an import keeps them.
        CounterpartIds = [.. i.CounterpartIds], AgreementIds = [.. i.AgreementIds], ProjectIds = [.. i.ProjectIds],
        Version = i.Version,
    };

    /// <summary>Everything an import can change, written the way the action stores it: equal means the row changes nothing.</summary>
    private string Canonical(ActionInput i)
    {
        var s = new StringBuilder();
        void Add(object? value) => s.Append(value switch
        {
            null => "",
            string text => string.IsNullOrWhiteSpace(text) ? "" : text.Trim(),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        }).Append('\u001f');
        Add(i.PlanId);
        Add(ActionInput.NormalizeCode(i.Code));
        foreach (var lang in LocalizedText.Languages)
        {
            Add(i.Title[lang]);
            Add(i.Description[lang]);
            Add(i.Beneficiaries[lang]);
        }
        Add(i.Origin); Add(i.ObjectiveId); Add(i.RequestedByDepartmentId); Add(i.RequestedBy); Add(i.RequestedOn); Add(i.Modality);
        Add(i.LeadDepartmentId); Add(string.Join(",", i.InvolvedDepartmentIds)); Add(string.Join(",", i.AxisIds));
        Add(string.Join("\u001e", i.Partners)); Add(string.Join(",", i.Countries)); Add(string.Join("\u001e", i.Cities));
        Add(i.Start); Add(i.End); Add(i.Status); Add(i.BeneficiaryCount); Add(string.Join(",", i.SdgTargets));
        foreach (var b in i.Budgets.Select(b => (b.Year, Currency: string.IsNullOrWhiteSpace(b.Currency) ? tenant.Currency : b.Currency.Trim().ToUpperInvariant(),
                         Planned: (b.Planned ?? 0) / 1.000000000000000000000000000000000m, Spent: (b.Spent ?? 0) / 1.000000000000000000000000000000000m))
                     .OrderBy(b => b.Year).ThenBy(b => b.Currency, StringComparer.Ordinal))
            Add($"{b.Year}/{b.Currency}/{b.Planned.ToString(CultureInfo.InvariantCulture)}/{b.Spent.ToString(CultureInfo.InvariantCulture)}");
        return s.ToString();
    }

    /// <summary>The column a validation message belongs to ("Title.Es" → title_es, "Budgets[2].Spent" → budget_2026_spent).</summary>
    private static string? ColumnOf(string property, ActionInput input, Dictionary<BudgetInput, int> budgetColumns)
    {
        var root = property.Split('.', '[')[0];
        foreach (var lang in LocalizedText.Languages)
        {
            var pascal = char.ToUpperInvariant(lang[0]) + lang[1..];
            if (property == $"Title.{pascal}") return ActionColumns.Title(lang);
            if (property == $"Description.{pascal}") return ActionColumns.Description(lang);
            if (property == $"Beneficiaries.{pascal}") return ActionColumns.Beneficiaries(lang);
        }
        if (root == nameof(ActionInput.Budgets))
        {
            var open = property.IndexOf('[');
            var close = property.IndexOf(']');
            if (open < 0 || close < open || !int.TryParse(property.AsSpan(open + 1, close - open - 1), out var i) || i >= input.Budgets.Count)
                return ActionColumns.Currency;
            var member = property[(close + 1)..].TrimStart('.');
            if (member == nameof(BudgetInput.Currency)) return ActionColumns.Currency;
            if (!budgetColumns.TryGetValue(input.Budgets[i], out var year)) return ActionColumns.OtherBudgets;
            return member == nameof(BudgetInput.Spent) ? ActionColumns.Spent(year) : ActionColumns.Planned(year);
        }
        return root switch
        {
            nameof(ActionInput.Code) => ActionColumns.Code,
            nameof(ActionInput.Origin) => ActionColumns.Origin,
            nameof(ActionInput.ObjectiveId) => ActionColumns.Objective,
            nameof(ActionInput.RequestedByDepartmentId) => ActionColumns.RequestedByDepartment,
            nameof(ActionInput.RequestedBy) => ActionColumns.RequestedBy,
            nameof(ActionInput.RequestedOn) => ActionColumns.RequestedOn,
            nameof(ActionInput.Modality) => ActionColumns.Modality,
            nameof(ActionInput.LeadDepartmentId) => ActionColumns.LeadDepartment,
            nameof(ActionInput.InvolvedDepartmentIds) => ActionColumns.InvolvedDepartments,
            nameof(ActionInput.AxisIds) => ActionColumns.Axes,
            nameof(ActionInput.Partners) => ActionColumns.Partners,
            nameof(ActionInput.Countries) => ActionColumns.Countries,
            nameof(ActionInput.Cities) => ActionColumns.Cities,
            nameof(ActionInput.Start) => ActionColumns.Start,
            nameof(ActionInput.End) => ActionColumns.End,
            nameof(ActionInput.Status) => ActionColumns.Status,
            nameof(ActionInput.BeneficiaryCount) => ActionColumns.BeneficiaryCount,
            nameof(ActionInput.SdgTargets) => ActionColumns.SdgTargets,
            nameof(ActionInput.Version) => ActionColumns.Version,
            _ => null,
        };
    }

    // ================================================================== one row

    /// <summary>Reads one row's cells by column key, turning them into an <see cref="ActionInput"/> and noting each error.</summary>
    private sealed class RowReader(SheetRow row, IReadOnlyDictionary<string, int> index, List<ImportError> errors, IStringLocalizer L)
    {
        private readonly HashSet<string> _failed = [];
        public int Number => row.Number;
        public bool HasErrors => _failed.Count > 0;

        public bool Has(string key) => index.ContainsKey(key);

        private SheetCell Cell(string key) =>
            index.TryGetValue(key, out var i) && i < row.Cells.Length ? row.Cells[i] : SheetCell.Empty;

        public string Text(string key) => Cell(key).Text.Trim();

        private string? Optional(string key) => Text(key) is { Length: > 0 } t ? t : null;

        /// <summary>Notes an error; the first one of a cell wins (a value that did not parse explains more than "required").</summary>
        public void Error(string? key, string message)
        {
            if (!_failed.Add(key ?? "")) return;
            errors.Add(new ImportError(row.Number, key, key is null || !Has(key) ? null : Text(key), message));
        }

        public DateOnly? Date(string key)
        {
            var cell = Cell(key);
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
            Error(key, L["Enter a date like {0}.", "2026-03-31"]);
            return null;
        }

        private static string Digits(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u202F').ToArray());

        public decimal? Amount(string key)
        {
            var cell = Cell(key);
            if (cell.IsBlank) return null;
            if (cell.Typed is double d)
            {
                if (!double.IsFinite(d) || Math.Abs(d) > 1e15) { Error(key, L["Enter an amount like {0}.", "1234.50"]); return null; }
                return Math.Round((decimal)d, 2);
            }
            const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
            var text = Digits(cell.Text);
            if (cell.Typed is null && (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var m) || decimal.TryParse(text, style, CultureInfo.CurrentCulture, out m))
                && Math.Abs(m) < 1e15m)
                return m;
            Error(key, L["Enter an amount like {0}.", "1234.50"]);
            return null;
        }

        public long? Long(string key)
        {
            var cell = Cell(key);
            if (cell.IsBlank) return null;
            if (cell.Typed is double d)
            {
                if (double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15) return (long)d;
            }
            else if (cell.Typed is null)
            {
                var text = Digits(cell.Text);
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                    || long.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out n))
                    return n;
            }
            Error(key, L["Enter a whole number, such as {0}.", 250]);
            return null;
        }

        private T? Choice<T>(string key, Func<T, string> label) where T : struct, Enum
        {
            var text = Text(key);
            if (text.Length == 0) return null;
            foreach (var value in Enum.GetValues<T>())
                if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(label(value), text, StringComparison.CurrentCultureIgnoreCase))
                    return value;
            Error(key, L["{0} is not one of the allowed values: {1}.", text, string.Join(", ", Enum.GetValues<T>())]);
            return null;
        }

        private List<string> List(string key, bool commas) =>
            Text(key).Split(commas ? [';', ',', '\n', '\r'] : [';', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

        private Guid? Department(string key, References refs)
        {
            var code = Text(key);
            if (code.Length == 0) return null;
            if (refs.DepartmentByCode.TryGetValue(code, out var id)) return id;
            Error(key, L["There is no department with the code {0}.", code]);
            return null;
        }

        /// <summary>
        /// Overwrites the fields whose columns the file has. Returns which year each budget line read from the
        /// file came from (to name the column of an error).
        /// </summary>
        public Dictionary<BudgetInput, int> ApplyTo(ActionInput input, References refs, ActionInput? stored, string organizationCurrency, string defaultLanguage)
        {
            foreach (var lang in LocalizedText.Languages)
            {
                if (Has(ActionColumns.Title(lang))) input.Title[lang] = Optional(ActionColumns.Title(lang));
                if (Has(ActionColumns.Description(lang))) input.Description[lang] = Optional(ActionColumns.Description(lang));
                if (Has(ActionColumns.Beneficiaries(lang))) input.Beneficiaries[lang] = Optional(ActionColumns.Beneficiaries(lang));
            }
            if (Has(ActionColumns.Origin)) input.Origin = Choice<ActionOrigin>(ActionColumns.Origin, o => o.Label(L));
            if (Has(ActionColumns.Objective))
            {
                var code = Text(ActionColumns.Objective);
                input.ObjectiveId = null;
                if (code.Length > 0)
                {
                    if (refs.ObjectiveByCode.TryGetValue(code, out var id)) input.ObjectiveId = id;
                    else Error(ActionColumns.Objective, L["The plan has no objective with the code {0}.", code]);
                }
            }
            if (Has(ActionColumns.RequestedByDepartment)) input.RequestedByDepartmentId = Department(ActionColumns.RequestedByDepartment, refs);
            if (Has(ActionColumns.RequestedBy)) input.RequestedBy = Optional(ActionColumns.RequestedBy);
            if (Has(ActionColumns.RequestedOn)) input.RequestedOn = Date(ActionColumns.RequestedOn);
            if (Has(ActionColumns.Modality)) input.Modality = Choice<Modality>(ActionColumns.Modality, m => m.Label(L));
            if (Has(ActionColumns.LeadDepartment)) input.LeadDepartmentId = Department(ActionColumns.LeadDepartment, refs);
            if (Has(ActionColumns.InvolvedDepartments))
            {
                input.InvolvedDepartmentIds = [];
                foreach (var code in List(ActionColumns.InvolvedDepartments, commas: true))
                {
                    if (refs.DepartmentByCode.TryGetValue(code, out var id)) input.InvolvedDepartmentIds.Add(id);
                    else Error(ActionColumns.InvolvedDepartments, L["There is no department with the code {0}.", code]);
                }
            }
            if (Has(ActionColumns.Axes))
            {
                input.AxisIds = [];
                foreach (var name in List(ActionColumns.Axes, commas: false))
                {
                    var ids = refs.AxesByName[name].Distinct().ToList();
                    if (ids.Count == 1) input.AxisIds.Add(ids[0]);
                    else if (ids.Count == 0) Error(ActionColumns.Axes, L["The plan has no axis named {0}.", name]);
                    else Error(ActionColumns.Axes, L["Several axes of the plan are named {0}; rename one of them in the plan.", name]);
                }
            }
            if (Has(ActionColumns.Partners)) input.Partners = List(ActionColumns.Partners, commas: false);
            if (Has(ActionColumns.Countries)) input.Countries = List(ActionColumns.Countries, commas: true);
            if (Has(ActionColumns.Cities)) input.Cities = List(ActionColumns.Cities, commas: false);
            if (Has(ActionColumns.Start)) input.Start = Date(ActionColumns.Start);
            if (Has(ActionColumns.End)) input.End = Date(ActionColumns.End);
            if (Has(ActionColumns.Status)) input.Status = Choice<ActionStatus>(ActionColumns.Status, s => s.Label(L));
            if (Has(ActionColumns.BeneficiaryCount))
            {
                var count = Long(ActionColumns.BeneficiaryCount);
                if (count is > int.MaxValue or < int.MinValue) Error(ActionColumns.BeneficiaryCount, L["Enter a whole number, such as {0}.", 250]);
                input.BeneficiaryCount = count is >= int.MinValue and <= int.MaxValue ? (int)count : null;
            }
            if (Has(ActionColumns.SdgTargets)) input.SdgTargets = List(ActionColumns.SdgTargets, commas: true);
            if (Has(ActionColumns.Version)) Long(ActionColumns.Version);
            return ApplyBudgets(input, stored, organizationCurrency);
        }

        private Dictionary<BudgetInput, int> ApplyBudgets(ActionInput input, ActionInput? stored, string organizationCurrency)
        {
            var fromFile = new Dictionary<BudgetInput, int>(ReferenceEqualityComparer.Instance);
            var years = index.Keys.Select(ActionColumns.Budget).Where(b => b is not null).Select(b => b!.Value.Year).Distinct().Order().ToList();
            var currencyText = Text(ActionColumns.Currency).ToUpperInvariant();
            if (currencyText.Length > 0 && !Nodal.Web.Features.Organizations.Currencies.All.Contains(currencyText))
                Error(ActionColumns.Currency, L["Enter an ISO 4217 currency code, such as EUR."]);
            if (years.Count == 0) return fromFile;

            var previous = stored is null ? organizationCurrency
                : MainCurrency(stored.Budgets.Select(b => (b.Year ?? 0, b.Currency ?? organizationCurrency)), organizationCurrency);
            var currency = !Has(ActionColumns.Currency) ? previous : currencyText.Length > 0 ? currencyText : organizationCurrency;
            bool Replaced(BudgetInput b) => b.Year is { } y && years.Contains(y)
                && (string.Equals(b.Currency, previous, StringComparison.OrdinalIgnoreCase) || string.Equals(b.Currency, currency, StringComparison.OrdinalIgnoreCase));
            var replaced = input.Budgets.Where(Replaced).ToList();
            input.Budgets = input.Budgets.Where(b => !Replaced(b)).ToList();
            foreach (var year in years)
            {
                // A year with only one of its two columns keeps the other amount as stored.
                var old = replaced.FirstOrDefault(b => b.Year == year && string.Equals(b.Currency, previous, StringComparison.OrdinalIgnoreCase));
                decimal? planned = Has(ActionColumns.Planned(year)) ? Amount(ActionColumns.Planned(year)) : old?.Planned;
                decimal? spent = Has(ActionColumns.Spent(year)) ? Amount(ActionColumns.Spent(year)) : old?.Spent;
                if (planned is null && spent is null) continue;
                var line = new BudgetInput { Year = year, Planned = planned ?? 0, Spent = spent ?? 0, Currency = currency };
                input.Budgets.Add(line);
                fromFile[line] = year;
            }
            return fromFile;
        }
    }
}
