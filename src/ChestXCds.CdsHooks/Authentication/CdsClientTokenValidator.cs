using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Checks the JWT a CDS client sends on every call (CDS Hooks 2.0 §Trusting CDS Clients): an asymmetric
/// signature (RS384, ES384, ES256; never none or HMAC) by an allow-listed issuer's key, taken from a <c>jku</c>
/// inside its allowed prefixes or from its pinned JWKS file or URL (a <c>jku</c> outside the prefixes is never
/// fetched: the pinned keys decide); <c>aud</c> equal to the
/// URL called; <c>exp</c>/<c>iat</c> within the clock skew; <c>jti</c> not seen before.
/// </summary>
public sealed class CdsClientTokenValidator(
    IOptionsMonitor<CdsClientsOptions> options,
    IJwksProvider jwks,
    IJtiReplayCache replayCache,
    TimeProvider time,
    ILogger<CdsClientTokenValidator> logger)
{
    /// <summary>The accepted signature algorithms: the sandbox signs ES384, Epic RS384.</summary>
    public static IReadOnlyList<string> AllowedAlgorithms { get; } =
        [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha256];

    private static readonly string[] RequiredClaims = ["iss", "aud", "exp", "iat", "jti"];

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <param name="token">The compact JWT from the Authorization header.</param>
    /// <param name="calledUrl">The URL the client called, as the client sees it (public base URL + path).</param>
    public async Task<CdsClientTokenResult> ValidateAsync(string token, string calledUrl, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(token, calledUrl, cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } reason)
        {
            Log.TokenRefused(logger, reason);
        }

        return result;
    }

    private async Task<CdsClientTokenResult> CheckAsync(string token, string calledUrl, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return CdsClientTokenResult.Fail("malformed");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return CdsClientTokenResult.Fail("algorithm not allowed");
        }

        if (jwt.Typ is { Length: > 0 } typ && !string.Equals(typ, "JWT", StringComparison.OrdinalIgnoreCase))
        {
            return CdsClientTokenResult.Fail("typ is not JWT");
        }

        foreach (var claim in RequiredClaims)
        {
            if (!jwt.TryGetPayloadValue<object>(claim, out var value) || value is null)
            {
                return CdsClientTokenResult.Fail($"missing claim {claim}");
            }
        }

        var client = settings.Clients.FirstOrDefault(c => string.Equals(c.Issuer, jwt.Issuer, StringComparison.Ordinal));
        if (client is null)
        {
            return CdsClientTokenResult.Fail("issuer not allowed");
        }

        var skew = TimeSpan.FromSeconds(settings.ClockSkewSeconds);
        var now = time.GetUtcNow();
        var issuedAt = new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero);
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (issuedAt > now + skew)
        {
            return CdsClientTokenResult.Fail("iat in the future");
        }

        if (expires - issuedAt > TimeSpan.FromSeconds(settings.MaxTokenLifetimeSeconds))
        {
            return CdsClientTokenResult.Fail("token lifetime too long");
        }

        var sources = KeySources(client, jwt, out var jkuRefused);
        if (jkuRefused)
        {
            Log.JkuNotFetched(logger);
        }

        if (sources.Count == 0)
        {
            return CdsClientTokenResult.Fail(jkuRefused ? "jku not allowed" : "no key source");
        }

        var parameters = Parameters(client, calledUrl, skew, now);
        TokenValidationResult? validation = null;
        foreach (var source in sources)
        {
            var keys = await SelectKeysAsync(source, jwt.Kid, cancellationToken).ConfigureAwait(false);
            if (keys.Count == 0)
            {
                continue;
            }

            parameters.IssuerSigningKeys = keys;
            validation = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            if (validation.IsValid || !IsKeyMismatch(validation.Exception))
            {
                break;
            }
        }

        if (validation is null)
        {
            return CdsClientTokenResult.Fail(jkuRefused ? "jku not allowed, no pinned key for kid" : "no key for kid");
        }

        if (!validation.IsValid)
        {
            return CdsClientTokenResult.Fail(validation.Exception?.GetType().Name ?? "invalid");
        }

        if (!await replayCache.TryRegisterAsync(client.Issuer, jwt.Id, expires + skew, cancellationToken).ConfigureAwait(false))
        {
            return CdsClientTokenResult.Fail("jti replayed");
        }

        Log.TokenAccepted(logger, client.Issuer);
        var identity = new ClaimsIdentity(CdsClientAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaim(new Claim("iss", client.Issuer));
        if (jwt.TryGetPayloadValue<string>("tenant", out var tenant) && !string.IsNullOrEmpty(tenant))
        {
            identity.AddClaim(new Claim("tenant", tenant));
        }

        return new CdsClientTokenResult(identity, null);
    }

    private static TokenValidationParameters Parameters(CdsClientRegistration client, string calledUrl, TimeSpan skew, DateTimeOffset now) => new()
    {
        ValidIssuer = client.Issuer,
        ValidateIssuer = true,
        ValidateAudience = true,
        AudienceValidator = (audiences, _, _) => audiences.Any(a => SameUrl(a, calledUrl)),
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        // Keys are already narrowed to the kid; without a kid every key of the source is tried.
        TryAllIssuerSigningKeys = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = skew,
        LifetimeValidator = (notBefore, expiresAt, _, _) =>
            expiresAt is { } e && e.ToUniversalTime() + skew >= now.UtcDateTime
            && (notBefore is not { } n || n.ToUniversalTime() - skew <= now.UtcDateTime),
    };

    /// <summary>
    /// Where this token's keys may come from, in the order they are tried: the <c>jku</c> when it lies inside the
    /// issuer's allowed prefixes, then the issuer's pinned JWKS (file, else URL). A <c>jku</c> outside the prefixes
    /// is never fetched (server-side request forgery) and is no reason to refuse: the pinned keys decide
    /// (CDS Hooks 2.0 §Trusting CDS Clients; the sandbox sends its own jku on every call).
    /// </summary>
    private static List<JwksSource> KeySources(CdsClientRegistration client, JsonWebToken jwt, out bool jkuRefused)
    {
        var sources = new List<JwksSource>(2);
        jkuRefused = false;
        if (jwt.TryGetHeaderValue<string>("jku", out var jku) && !string.IsNullOrEmpty(jku))
        {
            if (JkuPolicy.IsAllowed(jku, client.AllowedJkuPrefixes))
            {
                sources.Add(JwksSource.Jku(jku, client.Issuer));
            }
            else
            {
                jkuRefused = true;
            }
        }

        if (!string.IsNullOrWhiteSpace(client.JwksFile))
        {
            sources.Add(JwksSource.File(client.JwksFile) with { Issuer = client.Issuer });
        }
        else if (!string.IsNullOrWhiteSpace(client.JwksUri))
        {
            sources.Add(JwksSource.Url(client.JwksUri) with { Issuer = client.Issuer });
        }

        return sources;
    }

    /// <summary>The source's keys did not verify the signature: the next source may. Any other failure is the token's own.</summary>
    private static bool IsKeyMismatch(Exception? failure) =>
        failure is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException;

    private async Task<IReadOnlyList<JsonWebKey>> SelectKeysAsync(JwksSource source, string? kid, CancellationToken cancellationToken)
    {
        var keys = await jwks.GetKeysAsync(source, refresh: false, cancellationToken).ConfigureAwait(false);
        var matching = Matching(keys, kid);
        if (matching.Count == 0 && !string.IsNullOrEmpty(kid))
        {
            // The client may have rotated its keys since the JWKS was cached: look once more (the provider limits how often).
            keys = await jwks.GetKeysAsync(source, refresh: true, cancellationToken).ConfigureAwait(false);
            matching = Matching(keys, kid);
        }

        return matching;
    }

    private static List<JsonWebKey> Matching(IReadOnlyList<JsonWebKey> keys, string? kid) =>
        string.IsNullOrEmpty(kid) ? [.. keys] : keys.Where(k => string.Equals(k.Kid, kid, StringComparison.Ordinal)).ToList();

    /// <summary>Exact URL equality, except for scheme/host case and one trailing slash.</summary>
    public static bool SameUrl(string audience, string calledUrl)
    {
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var a) || !Uri.TryCreate(calledUrl, UriKind.Absolute, out var b))
        {
            return false;
        }

        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port
            && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
            && string.Equals(a.Query, b.Query, StringComparison.Ordinal);
    }
}
