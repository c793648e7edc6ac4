namespace BriOrleans.Cli;

/// <summary>The exit codes of <c>bri</c>.</summary>
public static class ExitCode
{
    public const int Success = 0;

    /// <summary>The node refused the request (<c>bri: code: message</c>), a transaction failed, or a wait ran out.</summary>
    public const int Refused = 1;

    /// <summary>A usage error or malformed input (bad JSON, bad typed data, bad hex, a missing file).</summary>
    public const int BadInput = 2;

    /// <summary>Nothing answered at the node URL, or the connection broke.</summary>
    public const int Unreachable = 3;
}
