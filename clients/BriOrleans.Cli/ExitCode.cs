namespace BriOrleans.Cli;

/// <summary>The exit codes of <c>bri</c>.</summary>
public static class ExitCode
{
    public const int Success = 0;

    /// <summary>A usage error or malformed input (bad JSON, bad typed data, bad hex, a missing file).</summary>
    public const int BadInput = 2;
}
