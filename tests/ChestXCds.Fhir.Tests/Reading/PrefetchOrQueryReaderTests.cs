using System.Text.Json;
using ChestXCds.Fhir.Reading;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.Fhir.Tests.Reading;

/// <summary>REQ-FHIR-01/02: prefetch-or-query for the four cases of a key, and paging through Bundle.link[next], against a FHIR server speaking R4 JSON.</summary>
public sealed class PrefetchOrQueryReaderTests : IDisposable
{
    private const string Token = "tok-123-secret";
    private const string PatientJson = """{"resourceType":"Patient","id":"p1","gender":"male"}""";
    private readonly WireMockServer server = WireMockServer.Start();

    public void Dispose() => server.Stop();

    private FhirServerAccess Access => FhirServerAccess.From(server.Url + "/fhir", Token)!;

    private PrefetchOrQueryReader Reader(int maxPages = 5) =>
        new(TestFhirClients.Create(new FhirReadingOptions { MaxPages = maxPages }),
            NullLogger<PrefetchOrQueryReader>.Instance);

    private void Serve(string path, string json, int status = 200) =>
        server.Given(Request.Create().WithPath("/fhir/" + path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(json));

    private static PrefetchEntry Entry(string json) => new(true, JsonDocument.Parse(json).RootElement.Clone());

    [Fact]
    public async Task GivenPrefetchedResource_WhenRead_ThenUsedWithoutQuery()
    {
        var result = await Reader().ReadAsync("patient", Entry(PatientJson), Access, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.Prefetched, result.Outcome);
        Assert.Equal("p1", Assert.IsType<Patient>(result.Resource).Id);
        Assert.Empty(server.LogEntries);
    }

    [Fact]
    public async Task GivenPrefetchNull_WhenRead_ThenNoDataAndNoQuery()
    {
        var result = await Reader().ReadAsync("patient", Entry("null"), Access, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.NoData, result.Outcome);
        Assert.Empty(server.LogEntries);
    }

    [Fact]
    public async Task GivenPrefetchOperationOutcome_WhenRead_ThenQueriedWithBearerToken()
    {
        Serve("Patient/p1", PatientJson);

        var result = await Reader().ReadAsync("patient", Entry("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}"""), Access, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.Queried, result.Outcome);
        Assert.IsType<Patient>(result.Resource);
        Assert.Equal("Bearer " + Token, Assert.Single(server.LogEntries).RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task GivenAbsentKey_WhenRead_ThenQueried()
    {
        Serve("Patient/p1", PatientJson);

        var result = await Reader().ReadAsync("patient", PrefetchEntry.Absent, Access, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.Queried, result.Outcome);
    }

    [Fact]
    public async Task GivenPrefetchThatIsNotFhir_WhenRead_ThenQueried()
    {
        Serve("Patient/p1", PatientJson);

        var result = await Reader().ReadAsync("patient", Entry("""{"hello":"world"}"""), Access, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.Queried, result.Outcome);
    }

    [Fact]
    public async Task GivenAbsentKeyAndNoFhirServer_WhenRead_ThenUnavailable()
    {
        var result = await Reader().ReadAsync("patient", PrefetchEntry.Absent, null, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.Unavailable, result.Outcome);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task GivenServerError_WhenQueried_ThenUnavailableWithStatusButNoToken(int status)
    {
        Serve("Patient/p1", """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing"}]}""", status);

        var result = await Reader().ReadAsync("patient", PrefetchEntry.Absent, Access, "Patient/p1", CancellationToken.None);

        Assert.Equal(FhirReadOutcome.Unavailable, result.Outcome);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenThreePages_WhenSearched_ThenAllEntriesInOneBundle()
    {
        server.Given(Request.Create().WithPath("/fhir/ImagingStudy").WithParam("patient", "p1").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(Page("s1", server.Url + "/fhir/ImagingStudy?page=2")));
        server.Given(Request.Create().WithPath("/fhir/ImagingStudy").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(Page("s2", server.Url + "/fhir/ImagingStudy?page=3")));
        server.Given(Request.Create().WithPath("/fhir/ImagingStudy").WithParam("page", "3").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(Page("s3", null)));

        var result = await Reader().ReadAsync("imagingStudies", PrefetchEntry.Absent, Access, "ImagingStudy?patient=p1", CancellationToken.None);

        Assert.Equal(new string?[] { "s1", "s2", "s3" }, result.ResourcesOf<ImagingStudy>().Select(s => s.Id).ToArray());
        Assert.All(server.LogEntries, e => Assert.Equal("Bearer " + Token, e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task GivenMorePagesThanAllowed_WhenSearched_ThenStopsAtMaxPages()
    {
        server.Given(Request.Create().WithPath("/fhir/ImagingStudy").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(Page("s", server.Url + "/fhir/ImagingStudy?page=next")));

        var result = await Reader(maxPages: 2).ReadAsync("imagingStudies", PrefetchEntry.Absent, Access, "ImagingStudy?patient=p1", CancellationToken.None);

        Assert.Equal(2, result.ResourcesOf<ImagingStudy>().Count());
        Assert.Equal(2, server.LogEntries.Count());
    }

    [Fact]
    public async Task GivenNextLinkToAnotherServer_WhenSearched_ThenTheTokenIsNotSentThere()
    {
        using var other = WireMockServer.Start();
        other.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithBody(Page("evil", null)));
        server.Given(Request.Create().WithPath("/fhir/ImagingStudy").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(Page("s1", other.Url + "/fhir/ImagingStudy?page=2")));

        var result = await Reader().ReadAsync("imagingStudies", PrefetchEntry.Absent, Access, "ImagingStudy?patient=p1", CancellationToken.None);

        Assert.Equal(new string?[] { "s1" }, result.ResourcesOf<ImagingStudy>().Select(s => s.Id).ToArray());
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public void GivenAccess_WhenPrinted_ThenTokenHidden() => Assert.DoesNotContain(Token, Access.ToString(), StringComparison.Ordinal);

    private static string Page(string id, string? next)
    {
        var link = next is null ? string.Empty : $",\"link\":[{{\"relation\":\"next\",\"url\":\"{next}\"}}]";
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"" + link
            + ",\"entry\":[{\"resource\":{\"resourceType\":\"ImagingStudy\",\"id\":\"" + id + "\",\"status\":\"available\",\"subject\":{\"reference\":\"Patient/p1\"}}}]}";
    }
}
