namespace ChestXCds.Api;

/// <summary>Api log messages (EventIds 1000-1999). Service ids, counts and reasons only: never a JWT, a token or a patient identifier.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Hook request to {ServiceId} refused: {Reason}")]
    public static partial void HookRequestRefused(ILogger logger, string serviceId, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Hook {ServiceId} answered 412: data unavailable for {Keys}")]
    public static partial void PreconditionFailed(ILogger logger, string serviceId, string keys);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Stored {Count} feedback outcome(s) for {ServiceId}")]
    public static partial void FeedbackStored(ILogger logger, string serviceId, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Microsoft Entra ID tokens are accepted (AzureAd section present)")]
    public static partial void EntraEnabled(ILogger logger);
}
