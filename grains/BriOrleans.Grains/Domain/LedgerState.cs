namespace BriOrleans.Grains.Domain;

/// <summary>Where every domain grain keeps its state: one record of this name in the ledger's grain storage.</summary>
public static class LedgerState
{
    /// <summary>The name of the state record within each grain.</summary>
    public const string Name = "state";

    /// <summary>The grain-storage provider that versions state by epoch (the node registers it under this name).</summary>
    public const string Storage = "ledger";
}
