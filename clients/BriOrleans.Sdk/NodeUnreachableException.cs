namespace BriOrleans.Sdk;

/// <summary>No answer from the node: nothing listens at its URL, the connection broke, or it did not answer in time.</summary>
public sealed class NodeUnreachableException(Uri node, string problem, Exception innerException)
    : Exception($"cannot reach the node at {node}: {problem}", innerException)
{
    public Uri Node { get; } = node;
}
