using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Sdk.Api;

/// <summary>A sent transaction: its hash, and its receipt when the sender waited for it.</summary>
public sealed record SendResult(Hash256 Hash, Receipt? Receipt);
