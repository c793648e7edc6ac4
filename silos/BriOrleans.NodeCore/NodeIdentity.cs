using BriOrleans.Crypto;

namespace BriOrleans.NodeCore;

/// <summary>Which node this is: its country and the validator key it signs blocks with (its node id).</summary>
public sealed record NodeIdentity(string Country, Address Validator);
