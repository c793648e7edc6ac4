using System.Text.Json.Nodes;
using BriOrleans.Crypto;

namespace BriOrleans.Sdk.Api;

/// <summary>
/// <c>GET /v1/accounts/{address}</c>: <see cref="Nonce"/> is the next nonce in the executed state,
/// <see cref="PendingNonce"/> the next one counting the node's pending pool (the one to sign with).
/// </summary>
public sealed record AccountInfo(Address Address, ulong Nonce, ulong PendingNonce, JsonObject? Organization);
