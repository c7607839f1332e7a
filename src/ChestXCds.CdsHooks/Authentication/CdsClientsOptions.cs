namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// The CDS clients (EHRs) allowed to call the service, bound from the <c>CdsClients</c> section. The
/// names <c>Clients:N:Issuer</c>, <c>Clients:N:JwksUri</c>, <c>Clients:N:JwksFile</c>,
/// <c>Clients:N:AllowedJkuPrefixes</c> and <c>PublicBaseUrl</c> are a contract with deployments.
/// </summary>
public sealed class CdsClientsOptions
{
    public const string SectionName = "CdsClients";

    /// <summary>The issuer allow-list. Default: empty (every call is refused with 401).</summary>
    public List<CdsClientRegistration> Clients { get; set; } = [];

    /// <summary>
    /// The service's public base URL (scheme, host, port and path prefix) as the EHR calls it; the JWT's
    /// <c>aud</c> must equal this plus the request path. Required in Production whenever a client is allowed
    /// (the service refuses to start without it). Default: none, outside Production only (the URL of the
    /// incoming request is used, Host header included).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Tolerance on <c>exp</c>, <c>nbf</c> and <c>iat</c>, in seconds. Default 60.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>
    /// Longest accepted token life (<c>exp</c> − <c>iat</c>), in seconds. Default 300: CDS Hooks 2.0 §Trusting CDS
    /// Clients has the EHR mint a token per call that expires within 5 minutes; a longer life widens the window in
    /// which a captured token is worth replaying to another replica or after the jti is forgotten.
    /// </summary>
    public int MaxTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>
    /// How long a fetched or read JWKS is reused before it is fetched again, in seconds. Default 600. An unknown <c>kid</c>
    /// forces one early refresh, no sooner than <see cref="JwksMinRefreshSeconds"/> after the issuer's last fetch.
    /// </summary>
    public int JwksCacheSeconds { get; set; } = 600;

    /// <summary>
    /// The shortest time between two fetches of an issuer's pinned JWKS, and between two fetches of the <c>jku</c> URLs
    /// its tokens name, in seconds. Default 30. An unknown <c>kid</c> (which anyone can write into a token naming a
    /// trusted issuer) refetches at most this often; concurrent ones share one fetch.
    /// </summary>
    public int JwksMinRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// A StackExchange.Redis configuration string for the <c>jti</c> replay cache, so every replica refuses a token
    /// another has accepted. Default: none (in process; the Api host falls back to <c>Analysis:Ai:RedisConfiguration</c>).
    /// </summary>
    public string? ReplayCacheRedisConfiguration { get; set; }

    /// <summary>Largest JWKS document accepted, in bytes. Default 65536.</summary>
    public int MaxJwksBytes { get; set; } = 65536;
}
