using Microsoft.Extensions.Logging;

namespace ChestXCds.Fhir;

/// <summary>Reading/ messages, EventIds 3000-3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Prefetch key {Key} used as sent ({Kind})")]
    public static partial void PrefetchUsed(ILogger logger, string key, string kind);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Prefetch key {Key} failed at the client ({Kind}); querying fhirServer")]
    public static partial void PrefetchFailed(ILogger logger, string key, string kind);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Query for prefetch key {Key} failed: {Problem}")]
    public static partial void QueryFailed(ILogger logger, string key, string problem);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Queried {ResourceType}: {Pages} page(s), {Entries} entries")]
    public static partial void Queried(ILogger logger, string resourceType, int pages, int entries);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Paging of {ResourceType} stopped: the next link points off the FHIR server")]
    public static partial void PagingStoppedOffServer(ILogger logger, string resourceType);
}
