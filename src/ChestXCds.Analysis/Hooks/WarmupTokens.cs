using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.Analysis.Hooks;

/// <summary>
/// Signs and verifies one JWT per algorithm a CDS client uses (ES384, RS384) with keys made here and thrown away, so
/// the JWT library's first verification (parsing, key handling, the signature provider) is paid before readiness,
/// not by the first hook. No key or token leaves this class; the service's own validator still trusts only its
/// configured issuers.
/// </summary>
internal static class WarmupTokens
{
    public static async Task VerifyOnceAsync()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        await VerifyAsync(new ECDsaSecurityKey(ecdsa), SecurityAlgorithms.EcdsaSha384).ConfigureAwait(false);
        await VerifyAsync(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha384).ConfigureAwait(false);
    }

    private static async Task VerifyAsync(SecurityKey key, string algorithm)
    {
        var handler = new JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = WarmupRequest.Client,
            Audience = WarmupRequest.Client,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(1),
            Subject = new ClaimsIdentity([new Claim("jti", Guid.NewGuid().ToString("N"))]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = WarmupRequest.Client,
            ValidAudience = WarmupRequest.Client,
            IssuerSigningKey = key,
            ValidAlgorithms = [algorithm],
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The warm-up token did not verify.", result.Exception);
        }
    }
}
