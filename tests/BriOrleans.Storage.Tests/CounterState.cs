namespace BriOrleans.Storage.Tests;

/// <summary>The grain state the tests write: a number and a note, serialized as JSON like any grain's.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string Note { get; set; } = "";
}
