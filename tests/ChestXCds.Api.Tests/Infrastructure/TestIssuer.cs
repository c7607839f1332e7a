using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>A CDS client (EHR) for tests: RSA and EC keys generated at run time, its JWKS, and JWTs signed as it would sign them.</summary>
public sealed class TestIssuer : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);
    private readonly ECDsa p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly JsonWebTokenHandler handler = new();

    public TestIssuer(string issuer) => Issuer = issuer;

    public string Issuer { get; }

    /// <summary>The public JWKS: kids rs384, es256, es384.</summary>
    public string JwksJson => JsonSerializer.Serialize(new
    {
        keys = new object[]
        {
            RsaJwk("rs384", "RS384", rsa.ExportParameters(false)),
            EcJwk("es256", "ES256", "P-256", p256.ExportParameters(false)),
            EcJwk("es384", "ES384", "P-384", p384.ExportParameters(false)),
        },
    });

    /// <summary>Standard claims for a call to <paramref name="audience"/>, valid now for 5 minutes.</summary>
    public Dictionary<string, object> Claims(string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = "ehr-client",
            ["aud"] = audience,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["jti"] = Guid.NewGuid().ToString(),
        };
    }

    /// <summary>A JWT signed with <paramref name="alg"/> (RS384, ES256, ES384) by this issuer's key.</summary>
    public string Mint(string alg, Dictionary<string, object> claims, IDictionary<string, object>? extraHeaders = null, string? kid = null)
    {
        var credentials = alg switch
        {
            "RS384" => new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid ?? "rs384" }, SecurityAlgorithms.RsaSha384),
            "ES256" => new SigningCredentials(new ECDsaSecurityKey(p256) { KeyId = kid ?? "es256" }, SecurityAlgorithms.EcdsaSha256),
            "ES384" => new SigningCredentials(new ECDsaSecurityKey(p384) { KeyId = kid ?? "es384" }, SecurityAlgorithms.EcdsaSha384),
            _ => throw new ArgumentOutOfRangeException(nameof(alg), alg, "RS384, ES256 or ES384"),
        };
        var headers = new Dictionary<string, object>(extraHeaders ?? new Dictionary<string, object>()) { ["typ"] = "JWT" };
        return handler.CreateToken(JsonSerializer.Serialize(claims), credentials, headers);
    }

    /// <summary>An unsigned token (alg none).</summary>
    public static string Unsigned(Dictionary<string, object> claims) =>
        Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = "rs384" })) + "."
        + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims)) + ".";

    /// <summary>The classic key-confusion attack: HS256 with the issuer's public key as the HMAC secret.</summary>
    public string HmacWithPublicKey(Dictionary<string, object> claims)
    {
        var secret = Encoding.UTF8.GetBytes(JwksJson);
        var credentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = "rs384" }, SecurityAlgorithms.HmacSha256);
        return handler.CreateToken(JsonSerializer.Serialize(claims), credentials, new Dictionary<string, object> { ["typ"] = "JWT" });
    }

    public void Dispose()
    {
        rsa.Dispose();
        p256.Dispose();
        p384.Dispose();
    }

    private static object RsaJwk(string kid, string alg, RSAParameters p) => new
    {
        kty = "RSA",
        kid,
        use = "sig",
        alg,
        n = Base64UrlEncoder.Encode(p.Modulus),
        e = Base64UrlEncoder.Encode(p.Exponent),
    };

    private static object EcJwk(string kid, string alg, string crv, ECParameters p) => new
    {
        kty = "EC",
        kid,
        use = "sig",
        alg,
        crv,
        x = Base64UrlEncoder.Encode(p.Q.X),
        y = Base64UrlEncoder.Encode(p.Q.Y),
    };
}
