using Microsoft.Extensions.Logging;

namespace ChestXCds.Analysis;

/// <summary>Study selection log messages (EventIds 7200-7299). Counts and error types only: never a UID, an address or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Debug, Message = "DICOM header check of {Studies} radiograph(s) without a body part in FHIR: {Chest} chest, {Unanswered} unanswered, {Cached} remembered")]
    public static partial void BodyPartsChecked(ILogger logger, int studies, int chest, int unanswered, int cached);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "DICOM header check of a radiograph without a body part in FHIR got no answer ({ErrorType}); the study is not counted")]
    public static partial void BodyPartCheckFailed(ILogger logger, string errorType);
}
