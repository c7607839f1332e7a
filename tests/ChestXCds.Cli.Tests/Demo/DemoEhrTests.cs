using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Cli.Demo;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Cli.Tests.Demo;

/// <summary>REQ-CDS-07: the demo and benchmark EHR signs tokens the service's own validator accepts, in ES384 and RS384.</summary>
public sealed class DemoEhrTests : IDisposable
{
    private const string Issuer = "https://ehr.demo.chestxcds.invalid";
    private const string Url = "http://127.0.0.1:5000/cds-services/chestx-order-sign";
    private readonly string _jwksFile = Path.Combine(Path.GetTempPath(), $"demo-jwks-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_jwksFile);

    [Theory]
    [InlineData(DemoEhr.Es384)]
    [InlineData(DemoEhr.Rs384)]
    public async Task GivenAnAlgorithm_WhenTheDemoEhrSigns_ThenTheServiceValidatorAcceptsItsToken(string algorithm)
    {
        using var ehr = new DemoEhr(Issuer, algorithm);
        await File.WriteAllTextAsync(_jwksFile, ehr.JwksJson);

        var result = await Validator().ValidateAsync(ehr.Sign(Url), Url, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Contains($"\"alg\":\"{algorithm}\"", ehr.JwksJson, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnUnsupportedAlgorithm_WhenCreated_ThenRefused()
    {
        Assert.Throws<ArgumentException>(() => new DemoEhr(Issuer, "HS256"));
    }

    private CdsClientTokenValidator Validator()
    {
        var monitor = new FixedOptions<CdsClientsOptions>(new CdsClientsOptions { Clients = [new() { Issuer = Issuer, JwksFile = _jwksFile }] });
        var provider = new JwksProvider(new HttpClient(), new JwksCache(), monitor, TimeProvider.System, NullLogger<JwksProvider>.Instance);
        return new CdsClientTokenValidator(monitor, provider, new JtiReplayCache(TimeProvider.System), TimeProvider.System, NullLogger<CdsClientTokenValidator>.Instance);
    }
}
