namespace BriOrleans.Runtime;

/// <summary>Why an activation is being deactivated (the subset of Orleans' codes this host produces).</summary>
public enum DeactivationReasonCode : byte
{
    None,
    ShuttingDown,
    ActivationIdle,
    ApplicationError,
    ApplicationRequested,
}
