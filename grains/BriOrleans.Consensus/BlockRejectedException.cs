namespace BriOrleans.Consensus;

/// <summary>Thrown when a caller inserts a block without checking it first; carries the rejection.</summary>
public sealed class BlockRejectedException(BlockRejection rejection) : InvalidOperationException(rejection.Message)
{
    public BlockRejection Rejection { get; } = rejection;
}
