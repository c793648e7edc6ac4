using BriOrleans.Ledger;

namespace BriOrleans.Sdk.Api;

/// <summary>One <c>epoch</c> event of <c>GET /v1/events</c>: an executed epoch and the receipts of its transactions.</summary>
public sealed record ExecutedEpoch(EpochRecord Epoch, IReadOnlyList<Receipt> Receipts);
