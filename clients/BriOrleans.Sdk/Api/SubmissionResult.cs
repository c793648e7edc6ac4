using BriOrleans.Crypto;

namespace BriOrleans.Sdk.Api;

/// <summary>What the node answered for one transaction of a batch: its hash, or the refusal's stable code and message.</summary>
public sealed record SubmissionResult(Hash256? Hash, string? ErrorCode, string? Message)
{
    public bool Accepted => Hash is not null;
}
