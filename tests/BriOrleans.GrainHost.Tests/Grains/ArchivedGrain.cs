namespace BriOrleans.GrainHost.Tests.Grains;

public interface IArchivedGrain : IGrainWithStringKey
{
    Task ArchiveAsync(string entry);
}

/// <summary>A grain whose state lives in the storage provider named "archive".</summary>
public sealed class ArchivedGrain([PersistentState("entries", "archive")] IPersistentState<List<string>> entries) : Grain, IArchivedGrain
{
    public Task ArchiveAsync(string entry)
    {
        entries.State.Add(entry);
        return entries.WriteStateAsync();
    }
}
