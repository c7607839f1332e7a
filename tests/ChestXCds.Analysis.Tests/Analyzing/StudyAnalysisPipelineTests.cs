using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Studies;
using ChestXCds.Analysis.Tests.Studies;
using ChestXCds.CdsHooks.Access;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Services;
using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Reading;
using ChestXCds.Fhir.Translation;
using ChestXCds.Testing;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace ChestXCds.Analysis.Tests.Analyzing;

/// <summary>REQ-ANA-02, REQ-ANA-07: Locate → Image → Reason → Map for one study, every wait inside the hook's deadline.</summary>
public sealed class StudyAnalysisPipelineTests
{
    private const string Client = "https://ehr.example.org";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly CountingAnalyzer _analyzer = new();
    private readonly StudyAnalysisPipeline _pipeline;

    public StudyAnalysisPipelineTests()
        : this(Environments.Development, [])
    {
    }

    private StudyAnalysisPipelineTests(string environment, List<string> allowedImagingEndpoints)
    {
        var ai = new FixedOptions<AiAnalysisOptions>(new AiAnalysisOptions());
        var images = new AnalysisCoordinator(
            _analyzer,
            new ImageFindingsCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), ai),
            ai,
            Options.Create(new ChestXCds.Imaging.DicomWeb.DicomWebOptions()),
            new TestLifetime(),
            TimeProvider.System,
            NullLogger<AnalysisCoordinator>.Instance);
        var locator = new StudyEndpointResolver(new UnreachableFhir(), new EndpointCache(new FixedOptions<FhirReadingOptions>(new FhirReadingOptions())));
        var builder = new SuggestionBuilder(new StudyAnalysisAssembler(ReasoningFixture.Engine), new AnalysisMapper(Options.Create(new FhirMappingOptions())));
        var clients = new CdsClientsOptions { Clients = [new CdsClientRegistration { Issuer = Client, AllowedFhirServers = ["https://ehr.example.org/fhir"], AllowedImagingEndpoints = allowedImagingEndpoints }] };
        var access = new ClientAccessPolicy(new FixedOptions<CdsClientsOptions>(clients), new HostingEnvironment { EnvironmentName = environment });
        _pipeline = new StudyAnalysisPipeline(locator, images, builder, new SuggestionCache(ai), access, ai);
    }

    private static ChestStudy Study(bool withUid = true)
    {
        var study = StudySelectorTests.Study("cxr-1", Now.AddHours(-1));
        study.Contained = [new Endpoint
        {
            Id = "pacs",
            Status = Endpoint.EndpointStatus.Active,
            ConnectionType = new Hl7.Fhir.Model.Coding(WadoRsEndpoints.ConnectionTypeSystem, WadoRsEndpoints.ConnectionType),
            Address = "https://pacs.example/dicom-web",
        }];
        study.Endpoint = [new ResourceReference("#pacs")];
        if (!withUid)
        {
            study.Identifier = [];
        }

        return new ChestStudy(StudyRecords.From(study), Now.AddHours(-1), "CR", null, null);
    }

    private static PatientContext Context() => new()
    {
        Service = ChestXServices.All[0],
        Request = new CdsHookRequest { Hook = "patient-view", Context = new HookContext { PatientId = "p1", UserId = "Practitioner/u1" } },
        Client = Client,
        PatientId = "p1",
        Now = Now,
    };

    [Fact]
    public async Task GivenAnAnalysisSlowerThanTheDeadline_WhenAnalysed_ThenPendingAndItFinishesForTheNextHook()
    {
        // REQ-ANA-02: the hook answers by its deadline; the run goes on in the background.
        _analyzer.Gate = new TaskCompletionSource();
        using (var deadline = new HookDeadline(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None))
        {
            var first = await _pipeline.AnalyzeAsync(Study(), Context(), deadline);
            Assert.Equal(PipelineOutcome.Pending, first.Outcome);
        }

        _analyzer.Gate.SetResult();
        using var later = new HookDeadline(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        var second = await _pipeline.AnalyzeAsync(Study(), Context(), later);

        Assert.Equal(PipelineOutcome.Ready, second.Outcome);
        Assert.Equal(1, _analyzer.Calls);
        Assert.Contains(second.Suggestion!.Resources, r => r.ResourceType == "Provenance");
    }

    [Fact]
    public async Task GivenTheDeadlineAlreadyPassed_WhenAnalysed_ThenPendingWithoutWaiting()
    {
        // REQ-ANA-07: a deadline spent on FHIR reads leaves nothing to wait for the analysis.
        _analyzer.Gate = new TaskCompletionSource();
        using var deadline = new HookDeadline(TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        var result = await _pipeline.AnalyzeAsync(Study(), Context(), deadline);

        Assert.Equal(PipelineOutcome.Pending, result.Outcome);
        _analyzer.Gate.SetResult();
    }

    [Fact]
    public async Task GivenAStudyWithoutStudyInstanceUid_WhenAnalysed_ThenUnavailableAndNothingRuns()
    {
        using var deadline = new HookDeadline(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        var result = await _pipeline.AnalyzeAsync(Study(withUid: false), Context(), deadline);

        Assert.Equal(PipelineOutcome.Unavailable, result.Outcome);
        Assert.Equal(0, _analyzer.Calls);
    }

    [Theory]
    [InlineData("Development", "https://pacs.other.example/dicom-web")]   // another PACS listed
    [InlineData("Production", "https://pacs.example/dicom")]              // a prefix of the path, not of its segments
    public async Task GivenAnEndpointTheClientMayNotName_WhenAnalysed_ThenImagingNotAllowedAndThePacsIsNeverContacted(string environment, string allowed)
    {
        // REQ-SEC-02: an Endpoint outside the client's AllowedImagingEndpoints is skipped, no request.
        var pipeline = new StudyAnalysisPipelineTests(environment, [allowed]);
        using var deadline = new HookDeadline(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        var result = await pipeline._pipeline.AnalyzeAsync(Study(), Context(), deadline);

        Assert.Equal(PipelineOutcome.ImagingNotAllowed, result.Outcome);
        Assert.Equal(0, pipeline._analyzer.Calls);
    }

    [Fact]
    public async Task GivenTheClientsListHoldsThePacs_WhenAnalysed_ThenTheAnalysisRuns()
    {
        var pipeline = new StudyAnalysisPipelineTests(Environments.Production, ["https://pacs.example"]);
        using var deadline = new HookDeadline(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        var result = await pipeline._pipeline.AnalyzeAsync(Study(), Context(), deadline);

        Assert.Equal(PipelineOutcome.Ready, result.Outcome);
    }

    private sealed class UnreachableFhir : IFhirQueryClient
    {
        public Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A contained Endpoint needs no FHIR read.");
    }
}
