using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Reading;
using ChestXCds.Fhir.Tests.Reading;
using ChestXCds.Fhir.Translation;
using ChestXCds.Testing;
using Hl7.Fhir.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Task = System.Threading.Tasks.Task;

namespace ChestXCds.Fhir.Tests.Imaging;

/// <summary>REQ-ANA-06: a referenced Endpoint is read from the hook's FHIR server once, then remembered for a while.</summary>
public sealed class StudyEndpointResolverTests : IDisposable
{
    private const string EndpointJson = """
        {"resourceType":"Endpoint","id":"pacs","status":"active",
         "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
         "payloadType":[{"text":"DICOM"}],"address":"http://pacs.example/dicom-web"}
        """;

    private readonly WireMockServer _fhir = WireMockServer.Start();

    public void Dispose() => _fhir.Stop();

    private static StudyEndpointResolver Resolver(EndpointCache cache) => new(TestFhirClients.Create(), cache);

    private static StudyRecord Study()
    {
        var study = new ImagingStudy
        {
            Id = "cxr-1",
            Status = ImagingStudy.ImagingStudyStatus.Available,
            Identifier = [new Identifier("urn:dicom:uid", "urn:oid:1.2.3.4")],
            Endpoint = [new ResourceReference("Endpoint/pacs")],
        };
        return StudyRecords.From(study);
    }

    private FhirServerAccess Context() => FhirServerAccess.From(_fhir.Url + "/fhir", "token-1")!;

    private void ServeEndpoint(int status = 200) =>
        _fhir.Given(Request.Create().WithPath("/fhir/Endpoint/pacs").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(status == 200 ? EndpointJson : "{}"));

    private int EndpointReads => _fhir.LogEntries.Count(e => e.RequestMessage.Path == "/fhir/Endpoint/pacs");

    [Fact]
    public async Task GivenAReferencedEndpoint_WhenResolvedTwice_ThenReadOnceAndBothFindThePacs()
    {
        // REQ-ANA-06
        ServeEndpoint();
        using var cache = new EndpointCache(new FixedOptions<FhirReadingOptions>(new FhirReadingOptions()));
        var resolver = Resolver(cache);

        var first = await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);
        var second = await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);

        Assert.Equal(1, EndpointReads);
        Assert.Equal(first!.WadoRsAddress, second!.WadoRsAddress);
        Assert.StartsWith("http://pacs.example/dicom-web", first.WadoRsAddress!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenTheCacheTurnedOff_WhenResolvedTwice_ThenReadTwice()
    {
        ServeEndpoint();
        using var cache = new EndpointCache(new FixedOptions<FhirReadingOptions>(new FhirReadingOptions { EndpointCacheSeconds = 0 }));
        var resolver = Resolver(cache);

        await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);
        await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);

        Assert.Equal(2, EndpointReads);
    }

    [Fact]
    public async Task GivenAnUnreadableEndpoint_WhenResolvedTwice_ThenTheFailureIsNotRemembered()
    {
        ServeEndpoint(status: 403);
        using var cache = new EndpointCache(new FixedOptions<FhirReadingOptions>(new FhirReadingOptions()));
        var resolver = Resolver(cache);

        var first = await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);
        await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);

        Assert.Equal(2, EndpointReads);
        Assert.Null(first!.WadoRsAddress);
    }
}
