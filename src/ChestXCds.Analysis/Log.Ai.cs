using Microsoft.Extensions.Logging;

namespace ChestXCds.Analysis;

/// <summary>AI analysis log messages (EventIds 7100-7199). No identifiers, tokens or report text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Image analysis with {Model} produced {Scores} score(s) in {Milliseconds} ms")]
    public static partial void AnalysisCompleted(ILogger logger, string model, int scores, double milliseconds);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Image analysis failed ({ErrorType})")]
    public static partial void AnalysisFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Precomputed analysis failed ({ErrorType})")]
    public static partial void PrecomputeFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "AI analysis not ready within the {BudgetMs} ms hook budget; answering without it")]
    public static partial void AnalysisPending(ILogger logger, int budgetMs);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "No AI card: {Reason}")]
    public static partial void NoAiCard(ILogger logger, string reason);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "The image findings cache could not be written ({ErrorType}); the analysis is used but not remembered")]
    public static partial void CacheWriteFailed(ILogger logger, string errorType);
}
