using System.Text.Json;

namespace Nodal.Core.Reference;

/// <summary>Reads the reference data embedded in Nodal.Core (Reference/*.json, logical name Nodal.Core.Reference.{file}).</summary>
internal static class ReferenceResource
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static T Load<T>(string fileName) where T : class
    {
        var name = $"Nodal.Core.Reference.{fileName}";
        using var stream = typeof(ReferenceResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The reference data {name} is not embedded in Nodal.Core.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"The reference data {name} is empty.");
    }

    /// <summary>The es/en/fr texts of a JSON object, as a <see cref="LocalizedText"/>.</summary>
    public static LocalizedText Text(Dictionary<string, string>? texts, string what) =>
        texts is not null && LocalizedText.Languages.All(l => !string.IsNullOrWhiteSpace(texts.GetValueOrDefault(l)))
            ? new LocalizedText(texts["es"], texts["en"], texts["fr"])
            : throw new InvalidOperationException($"Reference data: {what} lacks a text in es, en or fr.");
}
