using System.Text.RegularExpressions;

namespace Nodal.Web.Features.Actions.Spreadsheet;

public enum ColumnKind
{
    Text,
    /// <summary>A real date cell in XLSX; yyyy-mm-dd in CSV.</summary>
    Date,
    WholeNumber,
    Amount,
    /// <summary>One of a fixed list of names (origin, modality, status).</summary>
    Choice,
    /// <summary>A code of a department or an objective.</summary>
    Code,
    /// <summary>Several values separated by semicolons.</summary>
    List,
    /// <summary>Shown for reading; ignored by the import.</summary>
    ReadOnly,
}

/// <summary>One column of the actions spreadsheet, with its stable key (the header cell).</summary>
public sealed record ActionColumn(string Key, ColumnKind Kind, double Width);

/// <summary>
/// The columns of the actions spreadsheet. The header row holds stable English keys (code, title_es…), the
/// same in every language, so a file exported in one language imports in any other; the Help sheet and the
/// import page explain each key in the user's language.
/// </summary>
public static partial class ActionColumns
{
    public const string Code = "code";
    public const string Origin = "origin";
    public const string Objective = "objective";
    public const string RequestedByDepartment = "requested_by_department";
    public const string RequestedBy = "requested_by";
    public const string RequestedOn = "requested_on";
    public const string Modality = "modality";
    public const string LeadDepartment = "lead_department";
    public const string InvolvedDepartments = "involved_departments";
    public const string Axes = "axes";
    public const string Partners = "partners";
    public const string Countries = "countries";
    public const string Cities = "cities";
    public const string Start = "start";
    public const string End = "end";
    public const string Status = "status";
    public const string BeneficiaryCount = "beneficiary_count";
    public const string SdgTargets = "sdg_targets";
    public const string Currency = "currency";
    public const string OtherBudgets = "budget_other_currencies";
    public const string Version = "version";

    public static string Title(string lang) => $"title_{lang}";
    public static string Description(string lang) => $"description_{lang}";
    public static string Beneficiaries(string lang) => $"beneficiaries_{lang}";
    public static string Planned(int year) => $"budget_{year}_planned";
    public static string Spent(int year) => $"budget_{year}_spent";

    /// <summary>The columns before the budget years.</summary>
    public static readonly IReadOnlyList<ActionColumn> Leading =
    [
        new(Code, ColumnKind.Text, 11),
        .. LocalizedText.Languages.Select(l => new ActionColumn(Title(l), ColumnKind.Text, 40)),
        .. LocalizedText.Languages.Select(l => new ActionColumn(Description(l), ColumnKind.Text, 50)),
        new(Origin, ColumnKind.Choice, 11),
        new(Objective, ColumnKind.Code, 11),
        new(RequestedByDepartment, ColumnKind.Code, 13),
        new(RequestedBy, ColumnKind.Text, 24),
        new(RequestedOn, ColumnKind.Date, 13),
        new(Modality, ColumnKind.Choice, 24),
        new(LeadDepartment, ColumnKind.Code, 13),
        new(InvolvedDepartments, ColumnKind.List, 18),
        new(Axes, ColumnKind.List, 30),
        new(Partners, ColumnKind.List, 30),
        new(Countries, ColumnKind.List, 12),
        new(Cities, ColumnKind.List, 20),
        new(Start, ColumnKind.Date, 12),
        new(End, ColumnKind.Date, 12),
        new(Status, ColumnKind.Choice, 12),
        .. LocalizedText.Languages.Select(l => new ActionColumn(Beneficiaries(l), ColumnKind.Text, 30)),
        new(BeneficiaryCount, ColumnKind.WholeNumber, 12),
        new(SdgTargets, ColumnKind.List, 14),
        new(Currency, ColumnKind.Code, 10),
    ];

    /// <summary>The columns after the budget years.</summary>
    public static readonly IReadOnlyList<ActionColumn> Trailing =
    [
        new(OtherBudgets, ColumnKind.ReadOnly, 24),
        new(Version, ColumnKind.WholeNumber, 9),
    ];

    public static IReadOnlyList<ActionColumn> For(IEnumerable<int> budgetYears) =>
    [
        .. Leading,
        .. budgetYears.Order().Distinct().SelectMany(y => new[] { new ActionColumn(Planned(y), ColumnKind.Amount, 15), new ActionColumn(Spent(y), ColumnKind.Amount, 15) }),
        .. Trailing,
    ];

    private static readonly HashSet<string> Fixed = [.. Leading.Select(c => c.Key), .. Trailing.Select(c => c.Key)];

    [GeneratedRegex(@"^budget_(\d{4})_(planned|spent)$")]
    private static partial Regex BudgetKey();

    /// <summary>Whether a header names a column (case and surrounding spaces ignored).</summary>
    public static bool IsKey(string header) => Normalize(header) is var k && (Fixed.Contains(k) || BudgetKey().IsMatch(k));

    public static string Normalize(string header) => header.Trim().ToLowerInvariant();

    /// <summary>The year and whether it is the spent amount, for a budget column.</summary>
    public static (int Year, bool Spent)? Budget(string key)
    {
        var m = BudgetKey().Match(key);
        return m.Success ? (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value == "spent") : null;
    }

    public static ColumnKind KindOf(string key) =>
        Leading.Concat(Trailing).FirstOrDefault(c => c.Key == key)?.Kind ?? (Budget(key) is not null ? ColumnKind.Amount : ColumnKind.Text);

    /// <summary>What a column holds, in the user's language: (description, format, required).</summary>
    public static (string What, string Format, string Required) Describe(string key, string defaultLanguage, IStringLocalizer L)
    {
        string list = L["List separated by semicolons (;)"], date = L["Date (YYYY-MM-DD)"], text = L["Text"];
        string no = L["No"];
        foreach (var lang in LocalizedText.Languages)
        {
            var language = Languages.NativeName(lang);
            var required = lang == defaultLanguage ? L["Yes (the organization's main language)"] : no;
            if (key == Title(lang)) return (L["Title in {0}.", language], text, required);
            if (key == Description(lang)) return (L["Description in {0}.", language], text, no);
            if (key == Beneficiaries(lang)) return (L["Who benefits, in {0}.", language], text, no);
        }
        if (Budget(key) is { } budget)
            return (budget.Spent ? L["Budget spent in {0}.", budget.Year] : L["Budget planned for {0}.", budget.Year], L["Amount (e.g. 1234.50)"],
                L["No; leave both amounts of a year empty when there is no budget that year"]);
        return key switch
        {
            Code => (L["The action's code, unique in the organization (e.g. A-017). A row whose code exists changes that action; a new code adds an action; an empty code adds one with the next free code."], text, L["No"]),
            Origin => (L["Planned (serves an objective of the plan) or Reactive (arrived as a request). It cannot change once the action exists."], L["One of the names listed below"], L["Yes"]),
            Objective => (L["Code of the plan's objective the action serves (e.g. O3)."], L["Code"], L["For planned actions"]),
            RequestedByDepartment => (L["Reactive actions: code of the department that asked for it."], L["Code"], L["For reactive actions: this or the next column"]),
            RequestedBy => (L["Reactive actions: the outside actor that asked for it (an embassy, a network, a company)."], text, L["For reactive actions: this or the previous column"]),
            RequestedOn => (L["Reactive actions: the date the request arrived."], date, L["For reactive actions"]),
            Modality => (L["How the action is carried out."], L["One of the names listed below"], L["Yes"]),
            LeadDepartment => (L["Code of the department that leads the action."], L["Code"], L["Yes"]),
            InvolvedDepartments => (L["Codes of the other departments involved."], list, no),
            Axes => (L["Names of the plan's axes the action serves directly (in any language)."], list, no),
            Partners => (L["Partners, by name."], list, no),
            Countries => (L["Countries, as two-letter ISO 3166 codes (e.g. FR)."], list, no),
            Cities => (L["Cities."], list, no),
            Start => (L["When the action starts."], date, no),
            End => (L["When the action ends; not before the start."], date, no),
            Status => (L["Where the action stands."], L["One of the names listed below"], L["Yes"]),
            BeneficiaryCount => (L["How many people or organizations benefit."], L["Whole number"], no),
            SdgTargets => (L["Targets of the Sustainable Development Goals (e.g. 11.2)."], list, no),
            Currency => (L["ISO 4217 currency of the budget columns (e.g. EUR); the organization's currency when empty."], L["Code"], no),
            OtherBudgets => (L["Budget lines in other currencies, for reading only: the import leaves them as they are."], text, no),
            Version => (L["The action's version when it was exported. Leave it as it is: if the action changed in Nodal after the export, the row is refused instead of overwriting that change. Empty for new actions."], L["Whole number"], no),
            _ => ("", "", ""),
        };
    }
}
