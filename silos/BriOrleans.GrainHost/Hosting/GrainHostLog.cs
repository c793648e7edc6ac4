using Microsoft.Extensions.Logging;

namespace BriOrleans.GrainHost;

/// <summary>The grain host's log messages.</summary>
internal static partial class GrainHostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Activation of grain {GrainId} failed; its queued calls fail with the same exception")]
    public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "OnDeactivateAsync of grain {GrainId} ({Reason}) threw; the activation is removed anyway")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grainId, DeactivationReasonCode reason, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Disposing grain {GrainId} or its service scope threw")]
    public static partial void ReleaseFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "The grain host failed while running grain {GrainId}; its queued calls fail")]
    public static partial void ActivationBroken(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Collected {Count} idle activations")]
    public static partial void IdleActivationsCollected(ILogger logger, int count);
}
