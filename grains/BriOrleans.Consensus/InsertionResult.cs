namespace BriOrleans.Consensus;

/// <summary>What inserting one block did: its parent-choice verdict, the pivot tip after it, and the epoch delta.</summary>
public sealed record InsertionResult(string BlockId, bool ParentChoiceValid, string PivotTip, EpochChange Epochs);
