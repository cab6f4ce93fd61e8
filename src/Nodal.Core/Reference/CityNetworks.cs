namespace Nodal.Core.Reference;

/// <summary>
/// International networks and associations of cities and local governments (Metropolis, UCLG, ICLEI, C40,
/// Mercociudades…), with their names and a short description in es/en/fr, read once from the embedded
/// Reference/networks.json. The list is kept by hand: names are the networks' own where they publish them
/// in the language, founding years and headquarters only where they are established, otherwise null.
/// </summary>
public static class CityNetworks
{
    /// <summary>
    /// A network. Code is Nodal's stable identifier ("uclg", "c40"); Acronym the usual short name;
    /// Scope is <see cref="Global"/> or <see cref="Regional"/>; Focus is <see cref="Political"/> (representation of
    /// local governments and cooperation in general) or <see cref="Thematic"/> (one field: climate, culture, peace…);
    /// HeadquartersCountry is the ISO 3166-1 alpha-2 code of the country of its seat or secretariat.
    /// </summary>
    public sealed record Network(
        string Code,
        string Acronym,
        LocalizedText Name,
        string Scope,
        string Focus,
        int? Founded,
        string? HeadquartersCountry,
        string? Website,
        LocalizedText Description);

    public const string Global = "global";
    public const string Regional = "regional";
    public const string Political = "political";
    public const string Thematic = "thematic";

    /// <summary>Every network, in the order of the file (the general world networks first).</summary>
    public static IReadOnlyList<Network> All => Data.Value.All;

    /// <summary>The network with a code, in any case; null when there is none.</summary>
    public static Network? Find(string code) => code is null ? null : Data.Value.ByCode.GetValueOrDefault(code.Trim());

    private static readonly Lazy<Loaded> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record Loaded(IReadOnlyList<Network> All, IReadOnlyDictionary<string, Network> ByCode);

    private sealed class NetworkJson
    {
        public string Code { get; set; } = "";
        public string Acronym { get; set; } = "";
        public Dictionary<string, string>? Name { get; set; }
        public string Scope { get; set; } = "";
        public string Focus { get; set; } = "";
        public int? Founded { get; set; }
        public string? HeadquartersCountry { get; set; }
        public string? Website { get; set; }
        public Dictionary<string, string>? Description { get; set; }
    }

    private static Loaded Load()
    {
        var json = ReferenceResource.Load<List<NetworkJson>>("networks.json");
        var all = new List<Network>(json.Count);
        var byCode = new Dictionary<string, Network>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in json)
        {
            var network = new Network(
                n.Code,
                n.Acronym,
                ReferenceResource.Text(n.Name, $"network {n.Code} name"),
                n.Scope,
                n.Focus,
                n.Founded,
                n.HeadquartersCountry,
                n.Website,
                ReferenceResource.Text(n.Description, $"network {n.Code} description"));
            if (string.IsNullOrWhiteSpace(n.Code) || string.IsNullOrWhiteSpace(n.Acronym)
                || n.Scope is not (Global or Regional) || n.Focus is not (Political or Thematic)
                || n.HeadquartersCountry is { Length: not 2 } || !byCode.TryAdd(n.Code, network))
                throw new InvalidOperationException($"networks.json: network '{n.Code}' is malformed or repeated.");
            all.Add(network);
        }
        return new Loaded(all, byCode);
    }
}
