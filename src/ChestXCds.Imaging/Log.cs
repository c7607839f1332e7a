using Microsoft.Extensions.Logging;

namespace ChestXCds.Imaging;

/// <summary>Imaging's log messages (EventIds 4000-4999). No UIDs, tokens or patient data are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "QIDO-RS found {InstanceCount} instances in {SeriesCount} series")]
    public static partial void QidoSearched(ILogger logger, int instanceCount, int seriesCount);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Chose a {Modality} {ViewPosition} image from {CandidateCount} candidates")]
    public static partial void ImageChosen(ILogger logger, string modality, string viewPosition, int candidateCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "WADO-RS retrieved {Bytes} bytes in {ElapsedMilliseconds} ms")]
    public static partial void InstanceRetrieved(ILogger logger, long bytes, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Decoded a {Width}x{Height} {TransferSyntax} image in {ElapsedMilliseconds} ms")]
    public static partial void InstanceDecoded(ILogger logger, int width, int height, string transferSyntax, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "The PACS is unavailable: {Reason}")]
    public static partial void PacsUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "No suitable chest radiograph in the study: {Reason}")]
    public static partial void NoSuitableImage(ILogger logger, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "A retrieved instance could not be decoded: {Reason}")]
    public static partial void CorruptInstance(ILogger logger, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Could not delete the temporary instance file: {Reason}")]
    public static partial void TemporaryFileNotDeleted(ILogger logger, string reason);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "The PACS answered an instance that is not the one requested; refused")]
    public static partial void InstanceMismatch(ILogger logger);
}
