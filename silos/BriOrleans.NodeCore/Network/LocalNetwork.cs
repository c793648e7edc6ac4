using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.NodeCore.Network;

/// <summary>
/// A development network in one data directory: <c>genesis.json</c> and, under <c>keys/</c>, one registrar and
/// one validator key per country (<c>cn-registrar.json</c>, <c>cn-validator.json</c>), in the key-file format
/// the CLI uses. The keys are development keys, generated here and marked as such.
/// </summary>
public sealed class LocalNetwork
{
    public const string GenesisFileName = "genesis.json";
    public const string KeysFolder = "keys";
    public const ulong DefaultChainId = 7031;

    private LocalNetwork(string dataDirectory, Genesis genesis)
    {
        DataDirectory = dataDirectory;
        Genesis = genesis;
    }

    public string DataDirectory { get; }
    public Genesis Genesis { get; }

    public static string GenesisPath(string dataDirectory) => Path.Combine(dataDirectory, GenesisFileName);

    public static string KeyPath(string dataDirectory, string country, string role) =>
        Path.Combine(dataDirectory, KeysFolder, $"{country.ToLowerInvariant()}-{role}.json");

    /// <summary>Writes a new network into <paramref name="dataDirectory"/>; refuses to overwrite an existing genesis.</summary>
    public static LocalNetwork Create(string dataDirectory, IReadOnlyList<string> countries, ulong chainId, ulong genesisTimestamp)
    {
        if (File.Exists(GenesisPath(dataDirectory)))
            throw new IOException($"{GenesisPath(dataDirectory)} already exists: this directory holds a network already");
        var codes = countries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).ToList();
        if (codes.Count == 0)
            throw new FormatException("name at least one country (ISO 3166-1 alpha-2, e.g. CN,KZ,PK)");
        var keys = new List<(string Path, KeyFile Key)>();
        var members = new List<GenesisCountry>();
        foreach (var code in codes)
        {
            var registrar = new KeyFile(PrivateKey.Generate());
            var validator = new KeyFile(PrivateKey.Generate());
            keys.Add((KeyPath(dataDirectory, code, "registrar"), registrar));
            keys.Add((KeyPath(dataDirectory, code, "validator"), validator));
            members.Add(new GenesisCountry(code, CountryNames.Of(code), [registrar.Address], [validator.Address]));
        }
        // Parse what we would write, so a bad country code fails before anything reaches the disk.
        var genesis = Genesis.Parse(new Genesis(chainId, "bri-localnet", genesisTimestamp, members, new ProtocolParameters()).ToJson());
        Directory.CreateDirectory(Path.Combine(dataDirectory, KeysFolder));
        foreach (var (path, key) in keys)
            key.Save(path, overwrite: false);
        File.WriteAllText(GenesisPath(dataDirectory), genesis.ToJson());
        return new LocalNetwork(dataDirectory, genesis);
    }

    public static LocalNetwork Open(string dataDirectory)
    {
        var path = GenesisPath(dataDirectory);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: run `bri node init --data {dataDirectory}` first", path);
        return new LocalNetwork(dataDirectory, Genesis.Parse(File.ReadAllText(path)));
    }

    /// <summary>The validator key this node signs blocks with, for <paramref name="country"/>.</summary>
    public KeyFile ValidatorKey(string country)
    {
        var member = Genesis.Countries.FirstOrDefault(c => c.Code == country.ToUpperInvariant())
            ?? throw new FormatException($"country {country} is not a member of this network ({string.Join(", ", Genesis.Countries.Select(c => c.Code))})");
        var key = KeyFile.Load(KeyPath(DataDirectory, member.Code, "validator"));
        if (!member.Validators.Contains(key.Address))
            throw new FormatException($"{KeyPath(DataDirectory, member.Code, "validator")} holds {key.Address}, which genesis does not name as a validator of {member.Code}");
        return key;
    }
}
