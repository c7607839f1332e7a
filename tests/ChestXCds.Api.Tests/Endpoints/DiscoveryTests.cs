using System.Net;
using System.Text.Json.Nodes;
using ChestXCds.Api.Tests.Infrastructure;
using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.Api.Tests.Endpoints;

public sealed class DiscoveryTests : IDisposable
{
    private readonly ApiHarness harness = new();

    public void Dispose() => harness.Dispose();

    // REQ-CDS-01
    [Fact]
    public async Task GivenSignedRequest_WhenDiscoveryCalled_ThenThreeHooksWithPrefetchTemplates()
    {
        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Get, "/cds-services"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var services = body["services"]!.AsArray();
        Assert.Equal(["order-sign", "order-select", "patient-view"], services.Select(s => (string)s!["hook"]!).ToArray());
        foreach (var service in services)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)service!["title"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)service["description"]));
            var prefetch = service["prefetch"]!.AsObject();
            Assert.Equal("Patient/{{context.patientId}}", (string?)prefetch["patient"]);
            Assert.Contains("_sort=-started", (string?)prefetch["imagingStudies"], StringComparison.Ordinal);
            Assert.Contains("_sort=-date", (string?)prefetch["diagnosticReports"], StringComparison.Ordinal);
        }

        Assert.Empty(JsonHygiene.FindEmptyMembers(body));
    }
}
