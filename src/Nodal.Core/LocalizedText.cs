namespace Nodal.Core;

/// <summary>
/// A content field people translate (a name, a description), stored once per working language of
/// the interface. Reading falls back to the requested language, then the organization's default,
/// then any language that has a value.
/// </summary>
public sealed class LocalizedText
{
    public static readonly IReadOnlyList<string> Languages = ["es", "en", "fr"];

    public string? Es { get; set; }
    public string? En { get; set; }
    public string? Fr { get; set; }

    public LocalizedText() { }

    public LocalizedText(string? es, string? en, string? fr)
    {
        Es = es; En = en; Fr = fr;
    }

    public string? this[string language]
    {
        get => Normalize(language) switch { "es" => Es, "fr" => Fr, _ => En };
        set
        {
            switch (Normalize(language))
            {
                case "es": Es = value; break;
                case "fr": Fr = value; break;
                default: En = value; break;
            }
        }
    }

    public string Get(string language, string? fallbackLanguage = null)
    {
        var exact = this[language];
        if (!string.IsNullOrWhiteSpace(exact)) return exact;
        if (fallbackLanguage is not null && !string.IsNullOrWhiteSpace(this[fallbackLanguage])) return this[fallbackLanguage]!;
        return Languages.Select(l => this[l]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
    }

    public bool IsEmpty => Languages.All(l => string.IsNullOrWhiteSpace(this[l]));

    public LocalizedText Trimmed() => new(Clean(Es), Clean(En), Clean(Fr));

    public static string Normalize(string? language)
    {
        var two = (language ?? "en").Length >= 2 ? language![..2].ToLowerInvariant() : "en";
        return Languages.Contains(two) ? two : "en";
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public override string ToString() => Get("en");
}
