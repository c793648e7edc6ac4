namespace BriOrleans.Consensus;

/// <summary>What an honest producer builds on now: the pivot tip as parent, the other tips (by ascending hash) as referees.</summary>
public sealed record NextBlockChoice(string Parent, IReadOnlyList<string> Referees);
