using Microsoft.Extensions.Logging;

namespace ChestXCds.Inference;

/// <summary>Inference log messages (EventIds 5000-5999). Never logs image data or patient identifiers.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Loaded model {Model} {Version} on {Provider} from {Path}")]
    public static partial void ModelLoaded(ILogger logger, string model, string version, string provider, string path);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "CUDA execution provider unavailable ({Reason}); model {Model} falls back to CPU")]
    public static partial void CudaFallback(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Model {Model} warmed up on {Provider} in {ElapsedMs} ms")]
    public static partial void WarmedUp(ILogger logger, string model, string provider, long elapsedMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Model {Model} failed to become ready")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Inference queue full ({Capacity} images); request refused as busy")]
    public static partial void QueueFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Inference batch of {BatchSize} failed")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int batchSize);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "Ran batch of {BatchSize} in {ElapsedMs} ms")]
    public static partial void BatchRan(ILogger logger, int batchSize, double elapsedMs);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "KServe model {Model} ready at {BaseUrl}")]
    public static partial void KServeReady(ILogger logger, string model, Uri baseUrl);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Starting without a usable model ({ErrorType}): {Reason}. Readiness reports it; hooks answer without the AI analysis.")]
    public static partial void StartingWithoutModel(ILogger logger, string errorType, string reason);
}
