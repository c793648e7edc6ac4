namespace BriOrleans.Runtime;

/// <summary>The reason handed to <see cref="Grain.OnDeactivateAsync"/>: a code, a description and the exception that caused it, if any.</summary>
public readonly struct DeactivationReason
{
    public DeactivationReason(DeactivationReasonCode code, string text)
        : this(code, null, text)
    {
    }

    public DeactivationReason(DeactivationReasonCode code, Exception? exception, string text)
    {
        ReasonCode = code;
        Exception = exception;
        Description = text;
    }

    public DeactivationReasonCode ReasonCode { get; }

    public string Description { get; }

    public Exception? Exception { get; }

    public override string ToString() =>
        Exception is null ? $"{ReasonCode}: {Description}" : $"{ReasonCode}: {Description}. Exception: {Exception}";
}
