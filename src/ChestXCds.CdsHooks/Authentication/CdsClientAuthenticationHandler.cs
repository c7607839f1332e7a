using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// ASP.NET Core authentication for CDS clients: reads <c>Authorization: Bearer &lt;JWT&gt;</c>, checks it with
/// <see cref="CdsClientTokenValidator"/>, and answers a failed or missing token with a bare 401.
/// </summary>
public sealed class CdsClientAuthenticationHandler(
    IOptionsMonitor<CdsClientAuthenticationOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CdsClientTokenValidator validator,
    IOptionsMonitor<CdsClientsOptions> clients)
    : AuthenticationHandler<CdsClientAuthenticationOptions>(schemeOptions, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var result = await validator.ValidateAsync(token, CalledUrl(Request, clients.CurrentValue.PublicBaseUrl), Context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return AuthenticateResult.Fail("CDS client token refused");
        }

        var principal = new ClaimsPrincipal(result.Identity!);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>CDS Hooks 2.0: a refused call gets 401 and no detail (no error description to help an attacker).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The URL the client called: the configured public base URL (behind a proxy) or the request's own, plus the path.</summary>
    public static string CalledUrl(HttpRequest request, string? publicBaseUrl)
    {
        var path = request.Path.Value ?? string.Empty;
        return string.IsNullOrWhiteSpace(publicBaseUrl)
            ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{path}"
            : publicBaseUrl.TrimEnd('/') + path;
    }
}
