using System.Security.Claims;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>The outcome of checking a CDS client JWT. <see cref="Failure"/> is a fixed reason code, safe to log; it is never sent to the caller.</summary>
public sealed record CdsClientTokenResult(ClaimsIdentity? Identity, string? Failure)
{
    public bool Succeeded => Identity is not null;

    public static CdsClientTokenResult Fail(string reason) => new(null, reason);
}
