namespace Nodal.Web.Infrastructure;

/// <summary>
/// Lists typed in one text box ("MX, CO; AR") or sent as JSON arrays: split, trimmed, de-duplicated.
/// </summary>
public static class ListText
{
    public static readonly char[] Codes = [',', ';', ' ', '\n', '\r', '\t'];
    public static readonly char[] Names = [';', '\n', '\r'];
    public static readonly char[] NamesOrCommas = [',', ';', '\n', '\r'];

    public static List<string> Split(IEnumerable<string?>? values, char[] separators, bool upper = false, bool lower = false) =>
        (values ?? []).Where(v => v is not null)
            .SelectMany(v => v!.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => upper ? v.ToUpperInvariant() : lower ? v.ToLowerInvariant() : v)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
