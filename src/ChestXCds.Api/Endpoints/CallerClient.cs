using System.Security.Claims;

namespace ChestXCds.Api.Endpoints;

/// <summary>
/// Who is calling, as the analysis scopes its shared results (tenant isolation): a CDS client by its JWT issuer; a
/// Microsoft Entra ID caller by its issuer (the tenant) and its application (azp, or appid for v1 tokens).
/// </summary>
public static class CallerClient
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var issuer = user.FindFirst("iss")?.Value ?? user.FindFirst(c => c.Type == "iss")?.Issuer;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            // The endpoints require an authenticated client, so this is a wiring fault, not a caller's error.
            throw new InvalidOperationException("The authenticated caller has no issuer claim.");
        }

        var application = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value;
        return application is null ? issuer : issuer + "|" + application;
    }
}
