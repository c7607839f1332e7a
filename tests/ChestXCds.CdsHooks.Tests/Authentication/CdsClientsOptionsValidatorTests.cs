using ChestXCds.CdsHooks.Authentication;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChestXCds.CdsHooks.Tests.Authentication;

// REQ-CDS-07: the issuer allow-list refuses to start when it cannot authenticate safely.
public sealed class CdsClientsOptionsValidatorTests
{
    private readonly CdsClientsOptionsValidator validator = new();

    [Fact]
    public void GivenClientWithJwksUri_WhenValidated_ThenValid() =>
        Assert.True(validator.Validate(null, new CdsClientsOptions { Clients = [new() { Issuer = "https://ehr", JwksUri = "https://ehr/jwks" }] }).Succeeded);

    [Fact]
    public void GivenClientWithoutAnyKeySource_WhenValidated_ThenFailureNamesIt()
    {
        var result = validator.Validate(null, new CdsClientsOptions { Clients = [new() { Issuer = "https://ehr" }] });

        Assert.Contains("CdsClients:Clients:0 needs JwksUri, JwksFile or AllowedJkuPrefixes.", result.Failures!);
    }

    [Fact]
    public void GivenDuplicateIssuerAndBadUrls_WhenValidated_ThenEachReported()
    {
        var result = validator.Validate(null, new CdsClientsOptions
        {
            PublicBaseUrl = "cds.example",
            Clients =
            [
                new() { Issuer = "a", JwksUri = "not-a-url" },
                new() { Issuer = "a", JwksFile = "/no/such/file.json", AllowedJkuPrefixes = ["ftp://x"] },
            ],
        });

        Assert.Equal(5, result.Failures!.Count());
    }

    // REQ-SEC-09: CDS Hooks asks for tokens that live 5 minutes; the default cap is that.
    [Fact]
    public void GivenNoSetting_WhenBound_ThenTheLongestTokenLifeIsFiveMinutes() =>
        Assert.Equal(300, new CdsClientsOptions().MaxTokenLifetimeSeconds);

    // REQ-SEC-09: in Production the aud check must not depend on the Host header a caller sends.
    [Fact]
    public void GivenProductionWithClientsAndNoPublicBaseUrl_WhenValidated_ThenTheFailureSaysWhatToSet()
    {
        var result = new CdsClientsOptionsValidator(new Environment(Environments.Production))
            .Validate(null, new CdsClientsOptions { Clients = [new() { Issuer = "https://ehr", JwksUri = "https://ehr/jwks" }] });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("CdsClients:PublicBaseUrl is required in Production", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "https://cds.example/chestx", true)]
    [InlineData("Production", null, false)]
    [InlineData("Development", null, true)]
    [InlineData("Testing", null, true)]
    public void GivenEnvironmentAndPublicBaseUrl_WhenValidated_ThenOnlyProductionRequiresIt(string environment, string? publicBaseUrl, bool valid)
    {
        var options = new CdsClientsOptions { PublicBaseUrl = publicBaseUrl, Clients = [new() { Issuer = "https://ehr", JwksUri = "https://ehr/jwks" }] };

        Assert.Equal(valid, new CdsClientsOptionsValidator(new Environment(environment)).Validate(null, options).Succeeded);
    }

    [Fact]
    public void GivenProductionWithoutAnyClient_WhenValidated_ThenValidBecauseNoTokenCanBeAccepted() =>
        Assert.True(new CdsClientsOptionsValidator(new Environment(Environments.Production)).Validate(null, new CdsClientsOptions()).Succeeded);

    [Fact]
    public void GivenJwksMinRefreshOutOfRange_WhenValidated_ThenReported() =>
        Assert.Contains("CdsClients:JwksMinRefreshSeconds must be between 0 and 3600.",
            validator.Validate(null, new CdsClientsOptions { JwksMinRefreshSeconds = -1 }).Failures!);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ChestXCds.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
