using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.Cli.Demo;

/// <summary>
/// The demo's EHR as a CDS client: a key made at start (never written to disk), its public JWKS, and JWTs
/// signed the way CDS Hooks 2.0 asks (iss, aud = the URL called, iat, exp, jti). ES384 (P-384) by default;
/// RS384 (RSA 2048) as many EHRs sign, so benchmarks can show what each costs the service.
/// </summary>
public sealed class DemoEhr : IDisposable
{
    public const string Es384 = "ES384";
    public const string Rs384 = "RS384";

    private readonly AsymmetricAlgorithm _key;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new();

    public DemoEhr(string issuer, string algorithm = Es384)
    {
        Issuer = issuer;
        Algorithm = algorithm;
        KeyId = "demo-" + algorithm.ToLowerInvariant();
        switch (algorithm)
        {
            case Es384:
                var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
                _key = ec;
                _credentials = new SigningCredentials(new ECDsaSecurityKey(ec) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha384);
                break;
            case Rs384:
                var rsa = RSA.Create(2048);
                _key = rsa;
                _credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha384);
                break;
            default:
                throw new ArgumentException($"Algorithm '{algorithm}' is not one of {Es384}, {Rs384}.", nameof(algorithm));
        }
    }

    /// <summary>The EHR's issuer URL, allow-listed in the service's CdsClients configuration.</summary>
    public string Issuer { get; }

    /// <summary>ES384 or RS384.</summary>
    public string Algorithm { get; }

    /// <summary>The kid of the signing key.</summary>
    public string KeyId { get; }

    /// <summary>The public key set the service trusts for this issuer.</summary>
    public string JwksJson
    {
        get
        {
            object key = _key switch
            {
                ECDsa ec when ec.ExportParameters(false) is var p =>
                    new { kty = "EC", crv = "P-384", kid = KeyId, use = "sig", alg = Algorithm, x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) },
                RSA rsa when rsa.ExportParameters(false) is var p =>
                    new { kty = "RSA", kid = KeyId, use = "sig", alg = Algorithm, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) },
                _ => throw new InvalidOperationException("Unknown key type."),
            };
            return JsonSerializer.Serialize(new { keys = new[] { key } });
        }
    }

    /// <summary>A JWT for one call to <paramref name="audience"/>, valid for 5 minutes, with a fresh jti.</summary>
    public string Sign(string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = "chestxcds-demo-ehr",
            ["aud"] = audience,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        return _handler.CreateToken(JsonSerializer.Serialize(claims), _credentials, new Dictionary<string, object> { ["typ"] = "JWT" });
    }

    public void Dispose() => _key.Dispose();
}
