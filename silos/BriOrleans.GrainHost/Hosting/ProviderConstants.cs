namespace BriOrleans.GrainHost;

/// <summary>Well-known provider names (Orleans' ProviderConstants).</summary>
public static class ProviderConstants
{
    /// <summary>The storage provider used by <c>[PersistentState("name")]</c> without a storage name.</summary>
    public const string DefaultStorageProviderName = "Default";
}
