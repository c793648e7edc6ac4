using System.Text.Json;
using System.Text.Json.Serialization;
using BriOrleans.Crypto;
using BriOrleans.CanonicalEncoding;

namespace BriOrleans.Ledger;

/// <summary>A member country: its ISO 3166-1 alpha-2 code, its registrars and its validators' node keys.</summary>
public sealed record GenesisCountry(string Code, string Name, IReadOnlyList<Address> Registrars, IReadOnlyList<Address> Validators);

/// <summary>
/// What a network starts from: its chain id (the EIP-712 domain's chainId), the member countries with their
/// registrars and validators, and the protocol parameters. Its hash is bound into the genesis block's id, so
/// nodes with different genesis files never share a block.
/// </summary>
public sealed record Genesis(ulong ChainId, string Network, ulong Timestamp, IReadOnlyList<GenesisCountry> Countries, ProtocolParameters Parameters)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new AddressJsonConverter(), new Hash256JsonConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IEnumerable<Address> Validators => Countries.SelectMany(c => c.Validators);

    public GenesisCountry? CountryOfValidator(Address validator) => Countries.FirstOrDefault(c => c.Validators.Contains(validator));

    /// <summary>Reads and checks a genesis file; every problem is reported in one <see cref="FormatException"/>.</summary>
    public static Genesis Parse(string json)
    {
        Genesis? genesis;
        try
        {
            genesis = JsonSerializer.Deserialize<Genesis>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"genesis: {e.Message}", e);
        }
        if (genesis is null)
            throw new FormatException("genesis: the file is empty");
        var problems = genesis.Problems().ToList();
        if (problems.Count > 0)
            throw new FormatException("genesis: " + string.Join("; ", problems));
        return genesis;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The canonical hash of this genesis (RLP of every field), bound into the genesis block.</summary>
    public Hash256 Hash() => Keccak.Hash(RlpItem.Of(
        RlpItem.Of(ChainId), RlpItem.Of(Network), RlpItem.Of(Timestamp),
        RlpItem.OfList(Countries, c => RlpItem.Of(
            RlpItem.Of(c.Code), RlpItem.Of(c.Name),
            RlpItem.OfList(c.Registrars, a => RlpItem.Of(a)),
            RlpItem.OfList(c.Validators, a => RlpItem.Of(a)))),
        RlpItem.Of(JsonSerializer.Serialize(Parameters, JsonOptions))).Encode());

    private IEnumerable<string> Problems()
    {
        if (ChainId == 0) yield return "chainId must be a positive integer";
        if (string.IsNullOrWhiteSpace(Network)) yield return "network needs a name";
        if (Countries is null || Countries.Count == 0)
        {
            yield return "at least one country is needed";
            yield break;
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<Address>();
        foreach (var country in Countries)
        {
            if (country.Code is null || country.Code.Length != 2 || !country.Code.All(char.IsAsciiLetterUpper))
                yield return $"country code '{country.Code}' is not ISO 3166-1 alpha-2 in capitals";
            else if (!codes.Add(country.Code))
                yield return $"country {country.Code} is listed twice";
            if (country.Registrars is null || country.Registrars.Count == 0)
                yield return $"country {country.Code} needs at least one registrar";
            if (country.Validators is null || country.Validators.Count == 0)
                yield return $"country {country.Code} needs at least one validator";
            foreach (var key in (country.Registrars ?? []).Concat(country.Validators ?? []))
                if (!keys.Add(key))
                    yield return $"address {key} appears more than once";
        }
        foreach (var problem in (Parameters ?? new ProtocolParameters()).Problems())
            yield return problem;
    }
}
