using System.Security.Cryptography;
using System.Text.Json;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Tests.Authentication;

/// <summary>REQ-CDS-07 at unit level: key selection from a JWKS file, kid rotation, lifetime caps.</summary>
public sealed class CdsClientTokenValidatorTests : IDisposable
{
    private const string Issuer = "https://ehr.example";
    private const string Url = "https://cds.example/cds-services";
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string jwksFile = Path.Combine(Path.GetTempPath(), $"jwks-{Guid.NewGuid():N}.json");

    public CdsClientTokenValidatorTests()
    {
        var p = key.ExportParameters(false);
        File.WriteAllText(jwksFile, JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", kid = "k1", use = "sig", crv = "P-256", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) } },
        }));
    }

    public void Dispose()
    {
        key.Dispose();
        File.Delete(jwksFile);
    }

    [Fact]
    public async Task GivenTokenSignedWithKeyFromJwksFile_WhenValidated_ThenIdentityCarriesIssuerOnly()
    {
        var result = await Validator().ValidateAsync(Mint(Claims()), Url, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(Issuer, result.Identity!.FindFirst("iss")!.Value);
    }

    [Fact]
    public async Task GivenAudienceWithTrailingSlash_WhenValidated_ThenAccepted()
    {
        var claims = Claims();
        claims["aud"] = Url + "/";

        Assert.True((await Validator().ValidateAsync(Mint(claims), Url, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task GivenTokenLivingLongerThanTheCap_WhenValidated_ThenRefused()
    {
        var claims = Claims();
        claims["exp"] = (long)claims["iat"] + 7200;

        var result = await Validator().ValidateAsync(Mint(claims), Url, CancellationToken.None);

        Assert.Equal("token lifetime too long", result.Failure);
    }

    // REQ-SEC-09
    [Fact]
    public async Task GivenTenMinuteToken_WhenValidatedOnTheDefaults_ThenRefused()
    {
        var claims = Claims();
        claims["exp"] = (long)claims["iat"] + 600;

        var result = await Validator().ValidateAsync(Mint(claims), Url, CancellationToken.None);

        Assert.Equal("token lifetime too long", result.Failure);
    }

    [Fact]
    public async Task GivenTypOtherThanJwt_WhenValidated_ThenRefused()
    {
        var token = new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(Claims()),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = "at+jwt" });

        Assert.Equal("typ is not JWT", (await Validator().ValidateAsync(token, Url, CancellationToken.None)).Failure);
    }

    [Fact]
    public async Task GivenNoKidAndOneKey_WhenValidated_ThenTheKeyIsTried()
    {
        var token = new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(Claims()),
            new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256));

        Assert.True((await Validator().ValidateAsync(token, Url, CancellationToken.None)).Succeeded);
    }

    private CdsClientTokenValidator Validator()
    {
        var options = new CdsClientsOptions { Clients = [new() { Issuer = Issuer, JwksFile = jwksFile }] };
        var monitor = new FixedOptions<CdsClientsOptions>(options);
        var provider = new JwksProvider(new HttpClient(), new JwksCache(), monitor, TimeProvider.System, NullLogger<JwksProvider>.Instance);
        return new CdsClientTokenValidator(monitor, provider, new JtiReplayCache(TimeProvider.System), TimeProvider.System, NullLogger<CdsClientTokenValidator>.Instance);
    }

    private static Dictionary<string, object> Claims()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new() { ["iss"] = Issuer, ["aud"] = Url, ["iat"] = now, ["exp"] = now + 300, ["jti"] = Guid.NewGuid().ToString() };
    }

    private string Mint(Dictionary<string, object> claims) =>
        new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = "JWT" });
}
