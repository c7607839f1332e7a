using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.Cli.Demo;

/// <summary>
/// The demo's EHR as a CDS client: an ES384 key made at start (never written to disk), its public JWKS,
/// and JWTs signed the way CDS Hooks 2.0 asks (iss, aud = the URL called, iat, exp, jti).
/// </summary>
public sealed class DemoEhr : IDisposable
{
    public const string KeyId = "demo-es384";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly JsonWebTokenHandler _handler = new();

    public DemoEhr(string issuer) => Issuer = issuer;

    /// <summary>The EHR's issuer URL, allow-listed in the service's CdsClients configuration.</summary>
    public string Issuer { get; }

    /// <summary>The public key set the service trusts for this issuer.</summary>
    public string JwksJson
    {
        get
        {
            var p = _key.ExportParameters(false);
            return JsonSerializer.Serialize(new
            {
                keys = new[]
                {
                    new { kty = "EC", crv = "P-384", kid = KeyId, use = "sig", alg = "ES384", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) },
                },
            });
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
        var credentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha384);
        return _handler.CreateToken(JsonSerializer.Serialize(claims), credentials, new Dictionary<string, object> { ["typ"] = "JWT" });
    }

    public void Dispose() => _key.Dispose();
}
