using BriOrleans.Ledger;

namespace BriOrleans.Grains.Chain;

/// <summary>The network's genesis and protocol parameters, which every chain grain checks blocks against.</summary>
public sealed class ChainRules(Genesis genesis)
{
    public Genesis Genesis { get; } = genesis;
    public ProtocolParameters Parameters => Genesis.Parameters;
    public Block GenesisBlock { get; } = Block.GenesisOf(genesis);
    public ulong ChainId => Genesis.ChainId;

    public bool IsValidator(Crypto.Address author) => Genesis.Validators.Contains(author);
}
