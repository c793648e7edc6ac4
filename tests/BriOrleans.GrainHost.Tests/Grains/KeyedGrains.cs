using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests.Grains;

public interface IStringKeyedGrain : IGrainWithStringKey
{
    Task<(string Key, int Activation)> IdentifyAsync();
}

public interface IIntegerKeyedGrain : IGrainWithIntegerKey
{
    Task<(long Key, int Activation)> IdentifyAsync();
}

public interface IGuidKeyedGrain : IGrainWithGuidKey
{
    Task<(Guid Key, int Activation)> IdentifyAsync();
}

/// <summary>Base of the keyed test grains: takes an activation number from the journal.</summary>
public abstract class NumberedGrain(GrainJournal journal) : Grain
{
    protected int Activation { get; private set; }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activation = journal.Activated(this.GetGrainId());
        return Task.CompletedTask;
    }
}

/// <summary>Reports its string key and activation number.</summary>
public sealed class StringKeyedGrain(GrainJournal journal) : NumberedGrain(journal), IStringKeyedGrain
{
    public Task<(string Key, int Activation)> IdentifyAsync() => Task.FromResult((this.GetPrimaryKeyString(), Activation));
}

/// <summary>Reports its integer key and activation number.</summary>
public sealed class IntegerKeyedGrain(GrainJournal journal) : NumberedGrain(journal), IIntegerKeyedGrain
{
    public Task<(long Key, int Activation)> IdentifyAsync() => Task.FromResult((this.GetPrimaryKeyLong(), Activation));
}

/// <summary>Reports its Guid key and activation number.</summary>
public sealed class GuidKeyedGrain(GrainJournal journal) : NumberedGrain(journal), IGuidKeyedGrain
{
    public Task<(Guid Key, int Activation)> IdentifyAsync() => Task.FromResult((this.GetPrimaryKey(), Activation));
}
