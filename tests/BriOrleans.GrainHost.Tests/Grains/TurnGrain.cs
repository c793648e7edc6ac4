namespace BriOrleans.GrainHost.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Enters, awaits several times, counts, leaves; returns how many turns overlapped so far.</summary>
    Task<int> TakeTurnAsync();

    Task<(int Turns, int Overlaps)> GetTalliesAsync();
}

/// <summary>Detects overlapping turns with an Interlocked occupancy counter.</summary>
public sealed class TurnGrain : Grain, ITurnGrain
{
    private int _inside;
    private int _overlaps;
    private int _turns;

    public async Task<int> TakeTurnAsync()
    {
        if (Interlocked.Increment(ref _inside) != 1)
            Interlocked.Increment(ref _overlaps);
        var before = _turns;
        await Task.Yield();
        await Task.Run(() => { });
        await Task.Yield();
        // A plain read-modify-write across awaits: loses updates if another turn runs in between.
        _turns = before + 1;
        Interlocked.Decrement(ref _inside);
        return _overlaps;
    }

    public Task<(int Turns, int Overlaps)> GetTalliesAsync() => Task.FromResult((_turns, _overlaps));
}
