using Microsoft.Extensions.Logging;

namespace ChestXCds.Reasoning;

/// <summary>Source-generated log messages of the Reasoning area (EventIds 6000-6999). No report text or identifiers.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Built {ChainCount} reasoning chains from {PriorCount} prior reports")]
    public static partial void ChainsBuilt(ILogger logger, int chainCount, int priorCount);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Generative reasoning request to model {Model} answered in {ElapsedMs} ms")]
    public static partial void GenerativeAnswered(ILogger logger, string model, long elapsedMs);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Generative reasoning server returned status {StatusCode}")]
    public static partial void GenerativeFailed(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Generative reasoning answer had no <think> block; verifying the whole text")]
    public static partial void GenerativeNoThink(ILogger logger);
}
