using Microsoft.Extensions.Logging;

namespace ChestXCds.Cli;

/// <summary>The CLI's log messages (EventIds 8000-8999): the demo's scaffolding. No UIDs, tokens or patient data are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Orthanc {Version} started on port {HttpPort}")]
    public static partial void OrthancStarted(ILogger logger, string version, int httpPort);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Orthanc on port {HttpPort} stopped")]
    public static partial void OrthancStopped(ILogger logger, int httpPort);
}
