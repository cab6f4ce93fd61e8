using System.Globalization;

namespace Nodal.Core.Monitoring;

/// <summary>
/// Periods of measurement, named by their first day: a month, a quarter or a year. The key written in
/// spreadsheets and the API is "2026" (year), "2026-Q3" (quarter) or "2026-07" (month).
/// </summary>
public static class Periods
{
    /// <summary>The first day of the period of frequency <paramref name="f"/> that contains <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, Frequency f) => f switch
    {
        Frequency.Monthly => new DateOnly(day.Year, day.Month, 1),
        Frequency.Quarterly => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    public static bool IsStart(DateOnly day, Frequency f) => StartOf(day, f) == day;

    public static DateOnly Next(DateOnly start, Frequency f) => f switch
    {
        Frequency.Monthly => start.AddMonths(1),
        Frequency.Quarterly => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    /// <summary>The last day of the period.</summary>
    public static DateOnly EndOf(DateOnly start, Frequency f) => Next(StartOf(start, f), f).AddDays(-1);

    /// <summary>The day a period's measurement is due: its last day plus the grace days.</summary>
    public static DateOnly DueOn(DateOnly start, Frequency f, int graceDays) => EndOf(start, f).AddDays(graceDays);

    /// <summary>The periods of frequency <paramref name="f"/> from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to, Frequency f)
    {
        for (var p = StartOf(from, f); p <= to; p = Next(p, f)) yield return p;
    }

    /// <summary>The periods of frequency <paramref name="f"/> inside a longer period (a year's quarters).</summary>
    public static IReadOnlyList<DateOnly> Within(DateOnly spanStart, Frequency span, Frequency f) =>
        Rank(f) > Rank(span) ? [StartOf(spanStart, f)] : Range(spanStart, EndOf(spanStart, span), f).ToList();

    /// <summary>Whether <paramref name="period"/> (of any frequency no longer than the span) falls in the span.</summary>
    public static bool InSpan(DateOnly period, DateOnly spanStart, Frequency span) =>
        period >= StartOf(spanStart, span) && period <= EndOf(spanStart, span);

    /// <summary>Months in a period, to compare frequencies.</summary>
    public static int Rank(Frequency f) => f switch { Frequency.Monthly => 1, Frequency.Quarterly => 3, _ => 12 };

    /// <summary>The periods that have been due by <paramref name="asOf"/>, from the first expected one.</summary>
    public static IEnumerable<DateOnly> DueBy(DateOnly first, DateOnly asOf, Frequency f, int graceDays)
    {
        for (var p = StartOf(first, f); DueOn(p, f, graceDays) <= asOf; p = Next(p, f)) yield return p;
    }

    /// <summary>"2026", "2026-Q3" or "2026-07".</summary>
    public static string Key(DateOnly start, Frequency f) => f switch
    {
        Frequency.Monthly => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Frequency.Quarterly => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
        _ => start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a key of the given frequency; also accepts a date inside the period ("2026-08-15").</summary>
    public static bool TryParse(string? text, Frequency f, out DateOnly start)
    {
        start = default;
        var s = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(s)) return false;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            start = StartOf(day, f);
            return true;
        }
        switch (f)
        {
            case Frequency.Yearly when s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1900:
                start = new DateOnly(y, 1, 1);
                return true;
            case Frequency.Quarterly when s.Length == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'T')
                && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var qy) && qy >= 1900
                && s[6] is >= '1' and <= '4':
                start = new DateOnly(qy, (s[6] - '1') * 3 + 1, 1);
                return true;
            case Frequency.Monthly when DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year >= 1900:
                start = m;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A period as people read it: "2026", "T3 2026" / "Q3 2026", "julio de 2026" / "July 2026".</summary>
    public static string Label(DateOnly start, Frequency f, CultureInfo culture) => f switch
    {
        Frequency.Monthly => Capitalize(start.ToString("Y", culture), culture),
        Frequency.Quarterly => $"{(culture.TwoLetterISOLanguageName is "en" ? "Q" : "T")}{(start.Month - 1) / 3 + 1} {start.Year}",
        _ => start.Year.ToString(culture),
    };

    private static string Capitalize(string s, CultureInfo culture) => s.Length == 0 ? s : char.ToUpper(s[0], culture) + s[1..];
}
