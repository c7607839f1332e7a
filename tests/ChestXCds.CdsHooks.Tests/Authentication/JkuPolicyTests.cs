using ChestXCds.CdsHooks.Authentication;

namespace ChestXCds.CdsHooks.Tests.Authentication;

/// <summary>REQ-CDS-07, REQ-SEC-07: a jku is fetched only inside its issuer's allowed prefixes, compared on whole path segments.</summary>
public sealed class JkuPolicyTests
{
    private static readonly string[] Allowed = ["https://ehr.example.org/jwks/"];

    [Theory]
    [InlineData("https://ehr.example.org/jwks/keys.json", true)]
    [InlineData("https://ehr.example.org/jwks/", true)]
    [InlineData("https://ehr.example.org/other/keys.json", false)]
    [InlineData("https://ehr.example.org.attacker.net/jwks/keys.json", false)]
    [InlineData("https://user@ehr.example.org/jwks/keys.json", false)]
    [InlineData("http://ehr.example.org/jwks/keys.json", false)]
    [InlineData("https://ehr.example.org:8443/jwks/keys.json", false)]
    [InlineData("https://ehr.example.org/jwks/../admin", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void GivenJku_WhenChecked_ThenOnlyInsideThePrefixIsAllowed(string? jku, bool allowed) =>
        Assert.Equal(allowed, JkuPolicy.IsAllowed(jku, Allowed));

    // REQ-SEC-07: a prefix is a run of whole path segments, with or without its trailing slash.
    [Theory]
    [InlineData("https://ehr.example.org/jwks", true)]
    [InlineData("https://ehr.example.org/jwks/keys.json", true)]
    [InlineData("https://ehr.example.org/jwks-other/keys.json", false)]
    [InlineData("https://ehr.example.org/jwksother", false)]
    [InlineData("https://ehr.example.org/jwks/%2e%2e/admin", false)]
    [InlineData("https://ehr.example.org/jwks/%2E%2E%2Fadmin", false)]
    [InlineData("https://ehr.example.org/jwks/..%5cadmin", false)]
    public void GivenPrefixWithoutTrailingSlash_WhenChecked_ThenOnlyWholeSegmentsMatch(string jku, bool allowed) =>
        Assert.Equal(allowed, JkuPolicy.IsAllowed(jku, ["https://ehr.example.org/jwks"]));

    [Fact]
    public void GivenNoPrefixes_WhenChecked_ThenRefused() => Assert.False(JkuPolicy.IsAllowed("https://ehr.example.org/jwks/k", []));
}
