using System.Globalization;

namespace Nodal.Web.Infrastructure;

public static class Money
{
    /// <summary>ISO 4217 currencies without minor units (the others have two, or three for a few Gulf dinars).</summary>
    private static readonly HashSet<string> NoMinorUnits = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeMinorUnits = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>
    /// An amount written as the reader's culture writes money — its separators, and where the currency goes —
    /// with the ISO 4217 code as the symbol, since an office deals in several currencies and "$" is ambiguous:
    /// "8.900.000 EUR" (es), "EUR 8,900,000" (en), "8 900 000 EUR" (fr). Cents are shown when there are any.
    /// </summary>
    public static string Format(decimal amount, string currency)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = currency;
        // Patterns that glue the symbol to the number ("¤n", "n¤") get a space, as a code needs one.
        format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
        format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 1 => 9, 5 => 8, var p => p };
        var minor = NoMinorUnits.Contains(currency) ? 0 : ThreeMinorUnits.Contains(currency) ? 3 : 2;
        var decimals = decimal.Round(amount, 0) == amount ? 0 : minor;
        return amount.ToString("C" + decimals, format);
    }
}
