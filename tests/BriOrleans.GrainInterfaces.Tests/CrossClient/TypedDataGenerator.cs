using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.CrossClient;

/// <summary>
/// Random EIP-712 documents from a seed (the same seed gives the same document): nested structs, fixed,
/// dynamic and nested arrays, every atomic type with boundary values, integers in every accepted JSON form,
/// unicode strings, and any subset of the domain fields.
/// </summary>
internal sealed class TypedDataGenerator(int seed)
{
    // Mixed case on purpose: dependencies sort by ordinal, upper case first.
    private static readonly string[] s_structNames = ["Shipment", "Party", "Lot", "Item", "item", "Zed", "Customs", "Route", "leg", "Vessel", "Port", "Invoice"];
    private static readonly string[] s_fieldWords = ["amount", "to", "from", "memo", "hs", "_tag", "$fee", "origin", "x", "qty", "dest", "seal"];
    private static readonly string[] s_textPieces =
    [
        "tea", "silk road", "一带一路", "贸易", "中欧班列", "🚢", "📦", "🇨🇳🇩🇪", "👩🏽‍💻", "é", "Ωμέγα", "Добро", "مرحبا", "\"", "\\", "\n", "\t", "\u0000", "\u200b", " ", "𝔘𝔫𝔦",
    ];
    private static readonly string[] s_domainKeys = ["name", "version", "chainId", "verifyingContract", "salt"];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>A private key from the seed.</summary>
    public PrivateKey NextKey()
    {
        var secret = new byte[32];
        do
            _random.NextBytes(secret);
        while (!Secp256k1.VerifySecretKey(secret));
        return PrivateKey.FromBytes(secret);
    }

    /// <summary>A typed data document in the standard JSON form.</summary>
    public JsonObject NextDocument()
    {
        var names = s_structNames.OrderBy(_ => _random.Next()).Take(_random.Next(1, 6)).ToArray();
        var fields = names.Select(_ => new List<(string Name, string Type)>()).ToArray();
        // Struct i may use only structs after it, so there are no cycles; each one after the first is used by one before it.
        for (var j = 1; j < names.Length; j++)
            fields[_random.Next(j)].Add(("", _random.Next(3) == 0 ? names[j] : ArrayOf(names[j])));
        for (var i = 0; i < names.Length; i++)
        {
            for (var extra = _random.Next(i == 0 ? 1 : 0, 7); extra > 0; extra--)
                fields[i].Add(("", RandomFieldType(names, i)));
            Shuffle(fields[i]);
            for (var f = 0; f < fields[i].Count; f++)
                fields[i][f] = ($"{s_fieldWords[_random.Next(s_fieldWords.Length)]}{f}", fields[i][f].Type);
        }
        var definitions = names.Select((n, i) => (Name: n, Fields: fields[i])).ToDictionary(t => t.Name, t => t.Fields);

        var domain = NextDomain();
        var types = new JsonObject();
        if (_random.Next(2) == 0)
            types["EIP712Domain"] = new JsonArray([.. s_domainKeys.Where(domain.ContainsKey).Select(k => Field(k, DomainFieldType(k)))]);
        foreach (var name in names.OrderBy(_ => _random.Next()))
            types[name] = new JsonArray([.. definitions[name].Select(f => Field(f.Name, f.Type))]);
        return new JsonObject
        {
            ["types"] = types,
            ["primaryType"] = names[0],
            ["domain"] = domain,
            ["message"] = StructValue(names[0], definitions),
        };
    }

    private static JsonNode Field(string name, string type) => new JsonObject { ["name"] = name, ["type"] = type };

    private static string DomainFieldType(string key) => key switch
    {
        "name" or "version" => "string",
        "chainId" => "uint256",
        "verifyingContract" => "address",
        _ => "bytes32",
    };

    private JsonObject NextDomain()
    {
        var domain = new JsonObject();
        foreach (var key in s_domainKeys.Where(_ => _random.Next(2) == 0).OrderBy(_ => _random.Next()))
            domain[key] = key switch
            {
                "name" or "version" => Text(),
                "chainId" => Integer(BigInteger.Abs(RandomInteger("uint256"))),
                "verifyingContract" => AddressText(),
                _ => HexText(32),
            };
        return domain;
    }

    private string ArrayOf(string element)
    {
        var type = element;
        for (var depth = _random.Next(1, 3); depth > 0; depth--)
            type += _random.Next(2) == 0 ? "[]" : $"[{_random.Next(1, 4)}]";
        return type;
    }

    private string RandomFieldType(string[] names, int owner)
    {
        var atomic = RandomAtomicType();
        return _random.Next(10) switch
        {
            < 6 => atomic,
            < 8 => ArrayOf(atomic),
            _ when owner + 1 < names.Length => ArrayOf(names[_random.Next(owner + 1, names.Length)]),
            _ => atomic,
        };
    }

    private string RandomAtomicType() => _random.Next(7) switch
    {
        0 => "address",
        1 => "bool",
        2 => "string",
        3 => "bytes",
        4 => $"bytes{_random.Next(1, 33)}",
        5 => $"uint{8 * _random.Next(1, 33)}",
        _ => $"int{8 * _random.Next(1, 33)}",
    };

    private JsonObject StructValue(string name, Dictionary<string, List<(string Name, string Type)>> definitions)
    {
        var value = new JsonObject();
        foreach (var (field, type) in definitions[name].OrderBy(_ => _random.Next()))
            value[field] = Value(type, definitions);
        return value;
    }

    private JsonNode Value(string type, Dictionary<string, List<(string Name, string Type)>> definitions)
    {
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var length = open == type.Length - 2 ? _random.Next(0, 4) : int.Parse(type[(open + 1)..^1]);
            return new JsonArray([.. Enumerable.Range(0, length).Select(_ => Value(type[..open], definitions))]);
        }
        if (definitions.ContainsKey(type))
            return StructValue(type, definitions);
        return type switch
        {
            "address" => AddressText(),
            "bool" => _random.Next(2) == 0,
            "string" => Text(),
            "bytes" => HexText(_random.Next(0, 70)),
            _ when type.StartsWith("bytes", StringComparison.Ordinal) => HexText(int.Parse(type[5..])),
            _ => Integer(RandomInteger(type)),
        };
    }

    /// <summary>Mostly the boundaries of the type (min, max, 0, 1, -1 and their neighbours), sometimes any value in range.</summary>
    private BigInteger RandomInteger(string type)
    {
        var signed = type.StartsWith("int", StringComparison.Ordinal);
        var bits = int.Parse(type[(signed ? 3 : 4)..]);
        var min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
        BigInteger[] boundaries = signed ? [min, min + 1, max, max - 1, 0, 1, -1] : [min, max, max - 1, 0, 1];
        if (_random.Next(3) > 0)
            return boundaries[_random.Next(boundaries.Length)];
        var bytes = new byte[bits / 8 + 1];
        _random.NextBytes(bytes);
        bytes[^1] = 0;
        var magnitude = new BigInteger(bytes) % (max + 1);
        return signed && _random.Next(2) == 0 ? -magnitude : magnitude;
    }

    /// <summary>A JSON number when JavaScript reads it exactly, else (and sometimes anyway) a decimal or 0x-hex string.</summary>
    private JsonNode Integer(BigInteger value)
    {
        var safe = BigInteger.Abs(value) <= (BigInteger.One << 53) - 1;
        return (_random.Next(3), value.Sign) switch
        {
            (0, _) when safe => JsonValue.Create((long)value),
            (1, >= 0) => "0x" + value.ToString("x").TrimStart('0').PadLeft(1, '0'),
            _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private string AddressText()
    {
        var bytes = new byte[Address.Length];
        _random.NextBytes(bytes);
        var checksummed = new Address(bytes).ToString();
        return _random.Next(3) switch
        {
            0 => checksummed,
            1 => checksummed.ToLowerInvariant(),
            _ => "0x" + checksummed[2..].ToUpperInvariant(),
        };
    }

    private string HexText(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return "0x" + (_random.Next(4) == 0 ? Convert.ToHexString(bytes) : Convert.ToHexStringLower(bytes));
    }

    private string Text()
    {
        var text = new StringBuilder();
        for (var pieces = _random.Next(0, 6); pieces > 0; pieces--)
            text.Append(s_textPieces[_random.Next(s_textPieces.Length)]);
        return text.ToString();
    }

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
