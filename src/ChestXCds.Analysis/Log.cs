using Microsoft.Extensions.Logging;

namespace ChestXCds.Analysis;

/// <summary>
/// Analysis log messages (EventIds 7000-7999); partial, one Log.&lt;Area&gt;.cs per area. Counts and
/// codes only: never a patient identifier, a token or report text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Hook context unavailable for prefetch key(s) {Keys}")]
    public static partial void ContextUnavailable(ILogger logger, string keys);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Hook context for {ServiceId}: {DraftOrders} draft order(s), {ChestOrders} chest imaging order(s), {Studies} study(ies), {Reports} report(s)")]
    public static partial void ContextResolved(ILogger logger, string serviceId, int draftOrders, int chestOrders, int studies, int reports);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Hook {ServiceId} answered {Cards} card(s)")]
    public static partial void HookAnswered(ILogger logger, string serviceId, int cards);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Card source {Source} failed ({ErrorType}); its cards are left out")]
    public static partial void CardSourceFailed(ILogger logger, string source, string errorType);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Card from {Source} breaks the card rules and is left out: {Violations}")]
    public static partial void CardRejected(ILogger logger, string source, string violations);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Warm-up of the hook paths done in {Milliseconds} ms; ready")]
    public static partial void WarmupCompleted(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Warm-up of the hook paths failed ({ErrorType}); ready without it")]
    public static partial void WarmupFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "Removed {Count} temporary instance file(s) left by a run that did not finish")]
    public static partial void StaleTemporaryFilesRemoved(ILogger logger, int count);
}
