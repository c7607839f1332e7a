using System.Diagnostics;
using ChestXCds.Analysis.Tests.Support;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Reading;
using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Task = System.Threading.Tasks.Task;

namespace ChestXCds.Analysis.Tests.Studies;

/// <summary>
/// REQ-CDS-13: the DICOM header check of radiographs whose FHIR metadata names no body part, against a PACS stand-in
/// that can answer, fail or be slow: the newest few only, each located and asked once, answers remembered, failures
/// and timeouts leave the study uncounted, and no log line names a study.
/// </summary>
public sealed class StudyBodyPartResolverTests : IDisposable
{
    private const string Client = "https://ehr.example.org";

    private const string ChestUid = "1.2.826.0.1.3680043.10.30.1";
    private const string KneeUid = "1.2.826.0.1.3680043.10.30.2";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly WireMockServer _pacs = WireMockServer.Start();

    public StudyBodyPartResolverTests()
    {
        Serve(ChestUid, "CHEST");
        Serve(KneeUid, "KNEE");
    }

    private string DicomWebBase => _pacs.Url + "/dicom-web";

    public void Dispose() => _pacs.Stop();

    private void Serve(string uid, string bodyPart, TimeSpan? delay = null, int status = 200)
    {
        var body = $$$"""[{"00080060":{"vr":"CS","Value":["DX"]},"00180015":{"vr":"CS","Value":["{{{bodyPart}}}"]},"0020000E":{"vr":"UI","Value":["{{{uid}}}.1"]}}]""";
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/dicom+json").WithBody(body);
        _pacs.Given(Request.Create().WithPath($"/dicom-web/studies/{uid}/series").UsingGet())
            .RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    private int QidoRequests(string uid) => _pacs.LogEntries.Count(e => e.RequestMessage.Path == $"/dicom-web/studies/{uid}/series");

    private StudyRecord Sparse(string id, string uid, double hoursAgo = 1, string? endpointAddress = null)
    {
        var study = StudySelectorTests.Sparse(id, Now.AddHours(-hoursAgo), uid);
        study.Contained = [new Endpoint
        {
            Id = "pacs",
            Status = Endpoint.EndpointStatus.Active,
            ConnectionType = new Coding(WadoRsEndpoints.ConnectionTypeSystem, WadoRsEndpoints.ConnectionType),
            Address = endpointAddress ?? DicomWebBase,
        }];
        study.Endpoint = [new ResourceReference("#pacs")];
        return StudyRecords.From(study);
    }

    [Fact]
    public async Task GivenAChestAndAKneeHeader_WhenChecked_ThenOnlyTheChestStudyIsNamed()
    {
        using var host = new BodyPartHost();

        var chest = await host.Resolver.ChestStudiesAsync([Sparse("a", ChestUid), Sparse("b", KneeUid)], null, Client, CancellationToken.None);

        Assert.Equal([ChestUid], chest);
    }

    [Fact]
    public async Task GivenARepeatedHook_WhenChecked_ThenThePacsIsAskedOncePerStudy()
    {
        using var host = new BodyPartHost();
        StudyRecord[] studies = [Sparse("a", ChestUid), Sparse("b", KneeUid)];

        var first = await host.Resolver.ChestStudiesAsync(studies, null, Client, CancellationToken.None);
        var second = await host.Resolver.ChestStudiesAsync(studies, null, Client, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, QidoRequests(ChestUid));
        Assert.Equal(1, QidoRequests(KneeUid));
    }

    [Fact]
    public async Task GivenMoreStudiesThanTheLimit_WhenChecked_ThenOnlyTheFirstFewAreAsked()
    {
        // The selector lists them newest first; the limit keeps the newest.
        using var host = new BodyPartHost(new AnalysisOptions { DicomBodyPartChecks = 1, DicomBodyPartWaitMilliseconds = 30_000 });

        var chest = await host.Resolver.ChestStudiesAsync([Sparse("b", KneeUid), Sparse("a", ChestUid, hoursAgo: 5)], null, Client, CancellationToken.None);

        Assert.Empty(chest);
        Assert.Equal(1, QidoRequests(KneeUid));
        Assert.Equal(0, QidoRequests(ChestUid));
    }

    [Fact]
    public async Task GivenTheCheckTurnedOff_WhenChecked_ThenNothingIsAsked()
    {
        using var host = new BodyPartHost(new AnalysisOptions { DicomBodyPartChecks = 0 });

        Assert.Empty(await host.Resolver.ChestStudiesAsync([Sparse("a", ChestUid)], null, Client, CancellationToken.None));
        Assert.Empty(_pacs.LogEntries);
    }

    [Fact]
    public async Task GivenAFailingPacs_WhenChecked_ThenTheStudyIsNotCountedNotRememberedAndNotNamedInTheLog()
    {
        const string failing = "1.2.826.0.1.3680043.10.30.3";
        Serve(failing, "CHEST", status: 500);
        using var host = new BodyPartHost(dicomWeb: [("MaxRetryAttempts", "0")]);

        var chest = await host.Resolver.ChestStudiesAsync([Sparse("a", failing)], null, Client, CancellationToken.None);

        Assert.Empty(chest);
        Assert.False(host.Cache.TryGet(Client, new Uri(DicomWebBase), failing, out _));
        Assert.NotEmpty(host.Logged);
        Assert.All(host.Logged, line => Assert.DoesNotContain(failing, line, StringComparison.Ordinal));
        Assert.All(host.Logged, line => Assert.DoesNotContain(_pacs.Url!, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenAStudyThePacsDoesNotHave_WhenChecked_ThenNotCountedAndItsUidIsNotLogged()
    {
        // StudyNotFoundException's message names the UID: only its type may be logged.
        const string unknown = "1.2.826.0.1.3680043.10.30.4";
        _pacs.Given(Request.Create().WithPath($"/dicom-web/studies/{unknown}/series").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/dicom+json").WithBody("[]"));
        using var host = new BodyPartHost();

        Assert.Empty(await host.Resolver.ChestStudiesAsync([Sparse("a", unknown)], null, Client, CancellationToken.None));
        Assert.Contains(host.Logged, line => line.Contains("StudyNotFoundException", StringComparison.Ordinal));
        Assert.All(host.Logged, line => Assert.DoesNotContain(unknown, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenAPacsSlowerThanTheWait_WhenChecked_ThenTheHookGoesOnWithoutTheStudy()
    {
        const string slow = "1.2.826.0.1.3680043.10.30.5";
        Serve(slow, "CHEST", delay: TimeSpan.FromSeconds(10));
        using var host = new BodyPartHost(new AnalysisOptions { DicomBodyPartWaitMilliseconds = 200 });
        var watch = Stopwatch.StartNew();

        var chest = await host.Resolver.ChestStudiesAsync([Sparse("a", slow)], null, Client, CancellationToken.None);

        // Well under the PACS's 10 s (and the client's own 60 s attempt timeout), whatever the machine's load.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Empty(chest);
        Assert.False(host.Cache.TryGet(Client, new Uri(DicomWebBase), slow, out _));
    }

    [Fact]
    public async Task GivenTheHookDeadlineHasPassed_WhenChecked_ThenNothingIsCounted()
    {
        using var host = new BodyPartHost();
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();

        Assert.Empty(await host.Resolver.ChestStudiesAsync([Sparse("a", ChestUid)], null, Client, deadline.Token));
    }

    [Fact]
    public async Task GivenAReferencedEndpoint_WhenChecked_ThenItIsReadFromTheFhirServerAndThePacsAsked()
    {
        var fhir = new EndpointServer(DicomWebBase);
        using var host = new BodyPartHost(fhir: fhir);
        var study = StudySelectorTests.Sparse("a", Now.AddHours(-1), ChestUid);
        study.Endpoint = [new ResourceReference("Endpoint/pacs")];
        var access = FhirServerAccess.From("https://ehr.example.org/fhir", "fhir-token")!;

        var chest = await host.Resolver.ChestStudiesAsync([StudyRecords.From(study)], access, Client, CancellationToken.None);

        Assert.Equal([ChestUid], chest);
        Assert.Equal(["Endpoint/pacs"], fhir.Queries);
    }

    [Fact]
    public async Task GivenNoEndpoint_WhenChecked_ThenTheConfiguredDefaultBaseIsAsked()
    {
        using var host = new BodyPartHost(dicomWeb: [("DefaultBaseAddress", DicomWebBase)]);
        var study = StudyRecords.From(StudySelectorTests.Sparse("a", Now.AddHours(-1), ChestUid));

        Assert.Equal([ChestUid], await host.Resolver.ChestStudiesAsync([study], null, Client, CancellationToken.None));
    }

    [Fact]
    public async Task GivenNoEndpointAndNoDefaultBase_WhenChecked_ThenNotCountedWithoutARequest()
    {
        using var host = new BodyPartHost();
        var study = StudyRecords.From(StudySelectorTests.Sparse("a", Now.AddHours(-1), ChestUid));

        Assert.Empty(await host.Resolver.ChestStudiesAsync([study], null, Client, CancellationToken.None));
        Assert.Empty(_pacs.LogEntries);
    }

    /// <summary>A FHIR server that holds one dicom-wado-rs Endpoint, "pacs".</summary>
    private sealed class EndpointServer(string address) : IFhirQueryClient
    {
        public List<string> Queries { get; } = [];

        public Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken)
        {
            Queries.Add(relativeQuery);
            return Task.FromResult<Resource>(new Endpoint
            {
                Id = "pacs",
                Status = Endpoint.EndpointStatus.Active,
                ConnectionType = new Coding(WadoRsEndpoints.ConnectionTypeSystem, WadoRsEndpoints.ConnectionType),
                Address = address,
            });
        }
    }
}
