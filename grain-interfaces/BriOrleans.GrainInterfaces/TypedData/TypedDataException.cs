namespace BriOrleans.TypedData;

/// <summary>Malformed EIP-712 typed data; <see cref="Path"/> names the offending field (e.g. <c>message.items[2].amount</c>).</summary>
public sealed class TypedDataException : FormatException
{
    public TypedDataException(string path, string problem)
        : base(path.Length == 0 ? problem : $"{path}: {problem}") => (Path, Problem) = (path, problem);

    public TypedDataException(string path, string problem, Exception innerException)
        : base(path.Length == 0 ? problem : $"{path}: {problem}", innerException) => (Path, Problem) = (path, problem);

    /// <summary>Where in the typed data JSON the problem is; empty for the document as a whole.</summary>
    public string Path { get; }

    /// <summary>What is wrong there, without the path.</summary>
    public string Problem { get; }

    /// <summary>
    /// The same problem seen from further out: <see cref="Path"/> was relative to <paramref name="prefix"/> (a field
    /// name, <c>[i]</c>, or a whole path). Encoders name a field's path only when it is wrong, never on the way down.
    /// </summary>
    internal TypedDataException Under(string prefix)
    {
        var path = Path.Length == 0 ? prefix
            : prefix.Length == 0 || Path[0] == '[' ? prefix + Path
            : $"{prefix}.{Path}";
        return InnerException is { } inner ? new TypedDataException(path, Problem, inner) : new TypedDataException(path, Problem);
    }
}
