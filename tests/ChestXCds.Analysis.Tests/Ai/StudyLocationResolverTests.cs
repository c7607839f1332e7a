using ChestXCds.Analysis.Ai;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Services;
using ChestXCds.Fhir.Reading;
using ChestXCds.Testing;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Task = System.Threading.Tasks.Task;

namespace ChestXCds.Analysis.Tests.Ai;

/// <summary>REQ-ANA-06: a referenced Endpoint is read from the hook's FHIR server once, then remembered for a while.</summary>
public sealed class StudyLocationResolverTests : IDisposable
{
    private const string EndpointJson = """
        {"resourceType":"Endpoint","id":"pacs","status":"active",
         "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
         "payloadType":[{"text":"DICOM"}],"address":"http://pacs.example/dicom-web"}
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly WireMockServer _fhir = WireMockServer.Start();

    public void Dispose() => _fhir.Stop();

    private StudyLocationResolver Resolver(EndpointCache cache) =>
        new(new FhirQueryClient(new HttpClient(), Options.Create(new FhirReadingOptions()), NullLogger<FhirQueryClient>.Instance), cache);

    private static ChestStudy Study()
    {
        var study = new ImagingStudy
        {
            Id = "cxr-1",
            Status = ImagingStudy.ImagingStudyStatus.Available,
            Identifier = [new Identifier("urn:dicom:uid", "urn:oid:1.2.3.4")],
            Endpoint = [new ResourceReference("Endpoint/pacs")],
        };
        return new ChestStudy(study, Now, "1.2.3.4", "CR", null, null);
    }

    private PatientContext Context() => new()
    {
        Service = ChestXServices.All[0],
        Request = new CdsHookRequest { Hook = "patient-view", Context = new HookContext { PatientId = "p1" } },
        FhirServer = FhirServerAccess.From(_fhir.Url + "/fhir", "token-1"),
        Now = Now,
    };

    private void ServeEndpoint(int status = 200) =>
        _fhir.Given(Request.Create().WithPath("/fhir/Endpoint/pacs").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(status == 200 ? EndpointJson : "{}"));

    private int EndpointReads => _fhir.LogEntries.Count(e => e.RequestMessage.Path == "/fhir/Endpoint/pacs");

    [Fact]
    public async Task GivenAReferencedEndpoint_WhenResolvedTwice_ThenReadOnceAndBothFindThePacs()
    {
        // REQ-ANA-06
        ServeEndpoint();
        using var cache = new EndpointCache(new FixedOptions<AiAnalysisOptions>(new AiAnalysisOptions()));
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
        using var cache = new EndpointCache(new FixedOptions<AiAnalysisOptions>(new AiAnalysisOptions { EndpointCacheSeconds = 0 }));
        var resolver = Resolver(cache);

        await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);
        await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);

        Assert.Equal(2, EndpointReads);
    }

    [Fact]
    public async Task GivenAnUnreadableEndpoint_WhenResolvedTwice_ThenTheFailureIsNotRemembered()
    {
        ServeEndpoint(status: 403);
        using var cache = new EndpointCache(new FixedOptions<AiAnalysisOptions>(new AiAnalysisOptions()));
        var resolver = Resolver(cache);

        var first = await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);
        await resolver.ResolveAsync(Study(), Context(), CancellationToken.None);

        Assert.Equal(2, EndpointReads);
        Assert.Null(first!.WadoRsAddress);
    }
}
