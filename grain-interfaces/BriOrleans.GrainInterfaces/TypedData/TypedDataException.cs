namespace BriOrleans.TypedData;

/// <summary>Malformed EIP-712 typed data; <see cref="Path"/> names the offending field (e.g. <c>message.items[2].amount</c>).</summary>
public sealed class TypedDataException : FormatException
{
    public TypedDataException(string path, string problem)
        : base(path.Length == 0 ? problem : $"{path}: {problem}") => Path = path;

    public TypedDataException(string path, string problem, Exception innerException)
        : base(path.Length == 0 ? problem : $"{path}: {problem}", innerException) => Path = path;

    /// <summary>Where in the typed data JSON the problem is; empty for the document as a whole.</summary>
    public string Path { get; }
}
