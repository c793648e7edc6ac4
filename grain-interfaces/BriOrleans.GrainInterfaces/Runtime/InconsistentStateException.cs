namespace BriOrleans.Runtime;

/// <summary>
/// A write or clear was refused because the stored record's ETag is not the one the grain holds:
/// another activation (on this host or another one) wrote the record since it was read. The host
/// deactivates an activation whose call fails with it, so its next call reads the record afresh.
/// </summary>
public class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag in storage (null: no record).</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the grain held when it tried to write (null: it expected no record).</summary>
    public string? CurrentEtag { get; }
}
