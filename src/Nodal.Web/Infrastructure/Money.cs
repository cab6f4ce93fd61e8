using System.Globalization;

namespace Nodal.Web.Infrastructure;

public static class Money
{
    /// <summary>An amount in the reader's number format followed by its ISO 4217 code: "8.900.000 EUR", "8,900,000 EUR".</summary>
    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.CurrentCulture, $"{amount:N0} {currency}");
}
