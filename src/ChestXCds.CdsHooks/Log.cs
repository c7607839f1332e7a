using Microsoft.Extensions.Logging;

namespace ChestXCds.CdsHooks;

/// <summary>CdsHooks log messages (EventIds 2000-2999). Never a JWT, a token or a patient identifier.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "CDS client token refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "CDS client token accepted for issuer {Issuer}")]
    public static partial void TokenAccepted(ILogger logger, string issuer);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "JWKS ({SourceKind}) could not be read: {Error}")]
    public static partial void JwksUnavailable(ILogger logger, string sourceKind, string error);

    /// <summary>Debug: the CDS Hooks sandbox sends its jku on every call; the issuer's pinned keys decide (a refusal logs 2001).</summary>
    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "A token's jku is not on its issuer's allow-list: not fetched, the issuer's pinned keys are used")]
    public static partial void JkuNotFetched(ILogger logger);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "JWKS ({SourceKind}) not fetched again yet: its issuer fetched within CdsClients:JwksMinRefreshSeconds")]
    public static partial void JwksFetchDeferred(ILogger logger, string sourceKind);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "The shared jti replay cache (Redis) did not answer ({Error}): the token is refused")]
    public static partial void ReplayStoreUnavailable(ILogger logger, string error);
}
