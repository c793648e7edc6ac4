namespace BriOrleans.TypedData;

/// <summary>One member of an EIP-712 struct type: its name and its type (atomic, struct, or array such as <c>Item[][2]</c>).</summary>
public sealed record TypedDataField(string Name, string Type);
