using ChestXCds.CdsHooks.Authentication;

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
}
