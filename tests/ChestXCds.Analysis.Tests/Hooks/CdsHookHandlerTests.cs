using System.Text.Json;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Studies;
using ChestXCds.Analysis.Tests.Support;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using ChestXCds.CdsHooks.Services;
using ChestXCds.Fhir.Reading;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Resource = Hl7.Fhir.Model.Resource;
using Task = System.Threading.Tasks.Task;

namespace ChestXCds.Analysis.Tests.Hooks;

/// <summary>REQ-CDS-09: the hook flow asks every card source, applies the card rules, survives a failing source, and answers 412 when data is missing.</summary>
public sealed class CdsHookHandlerTests
{
    private static readonly string Started = DateTimeOffset.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static string RequestJson(bool withStudies = true) => """
        {"hook":"order-sign","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
         "context":{"userId":"Practitioner/1","patientId":"p1","draftOrders":{"resourceType":"Bundle","entry":[{"resource":
           {"resourceType":"ServiceRequest","id":"sr1","status":"draft","intent":"order","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"71045"}]}}}]}},
         "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},
        """ + (withStudies ? """
           "imagingStudies":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"ImagingStudy","id":"s1","status":"available",
             "subject":{"reference":"Patient/p1"},"started":"STARTED","modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"DX"}],
             "description":"Chest PA and lateral"}},
             {"resource":{"resourceType":"ImagingStudy","id":"other","status":"available","subject":{"reference":"Patient/someone-else"},"started":"STARTED",
             "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"DX"}],"description":"Chest"}}]},
        """ : string.Empty) + """
           "diagnosticReports":null}}
        """;

    private const string FhirServerAt = "{\"hook\":\"order-sign\",";
    private const string FhirServer = "\"fhirServer\":\"https://ehr.example.org/fhir\",";

    private static CdsHookRequest Request(bool withStudies = true) =>
        JsonSerializer.Deserialize<CdsHookRequest>(RequestJson(withStudies).Replace("STARTED", Started, StringComparison.Ordinal), CdsHooksJson.Options)!;

    private const string Client = "https://ehr.example.org";
    private static readonly FixedOptions<AnalysisOptions> Options = new(new AnalysisOptions());

    internal static PatientContextResolver Resolver(IFhirQueryClient? fhir = null, StudyBodyPartResolver? bodyParts = null) => new(
        new PrefetchOrQueryReader(fhir ?? new NoServer(), NullLogger<PrefetchOrQueryReader>.Instance),
        ChestImagingOrderCatalog.Default,
        new StudySelector(ChestImagingOrderCatalog.Default),
        bodyParts ?? BodyPartHost.Unused,
        Options,
        TimeProvider.System,
        NullLogger<PatientContextResolver>.Instance);

    private static CdsHookHandler Handler(params ICardSource[] extra)
    {
        ICardSource[] sources = [new PriorChestImagingCardSource(Options), .. extra];
        return new CdsHookHandler(Resolver(), sources, Options, TimeProvider.System, NullLogger<CdsHookHandler>.Instance);
    }

    private static CdsServiceDescriptor OrderSign => ChestXServices.Find(ChestXServices.OrderSignId)!;

    [Fact]
    public async Task GivenAnAiCardBesideTheDuplicateWarning_WhenHookHandled_ThenOneMergedCardKeepsTheRemoveSuggestion()
    {
        var result = await Handler(new FixedSource()).HandleAsync(OrderSign, Request(), Client, CancellationToken.None);

        Assert.False(result.PreconditionFailed);
        var card = Assert.Single(result.Response!.Cards);
        Assert.Empty(CardRules.Violations(card));
        Assert.Equal(CardTopics.ChestAiAnalysis, card.Source.Topic);
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Contains(card.Suggestions!, s => s.Actions!.Any(a => a.Type == "delete"));
    }

    [Fact]
    public async Task GivenAnOrderThatIsNotChestImaging_WhenHookHandled_ThenNoCardAndNoFhirRead()
    {
        // REQ-CDS-10: order-sign fires for every order signed; a medication order costs no FHIR read.
        var fhir = new CountingServer();
        var json = RequestJson(withStudies: false).Replace("STARTED", Started, StringComparison.Ordinal).Replace(FhirServerAt, FhirServerAt + FhirServer, StringComparison.Ordinal)
            .Replace("\"ServiceRequest\"", "\"MedicationRequest\"", StringComparison.Ordinal)
            .Replace("\"diagnosticReports\":null", "\"diagnosticReports\":{\"resourceType\":\"OperationOutcome\"}", StringComparison.Ordinal);
        var request = JsonSerializer.Deserialize<CdsHookRequest>(json, CdsHooksJson.Options)!;
        var handler = new CdsHookHandler(Resolver(fhir), [new PriorChestImagingCardSource(Options)], Options, TimeProvider.System, NullLogger<CdsHookHandler>.Instance);

        var result = await handler.HandleAsync(OrderSign, request, Client, CancellationToken.None);

        Assert.Empty(result.Response!.Cards);
        Assert.Equal(0, fhir.Calls);
    }

    [Fact]
    public async Task GivenTwoKeysToQuery_WhenResolved_ThenTheQueriesRunSideBySide()
    {
        // REQ-CDS-10: fallback queries do not wait for one another (each read carries its own token).
        var fhir = new OverlapServer();
        var json = RequestJson(withStudies: false).Replace("STARTED", Started, StringComparison.Ordinal).Replace(FhirServerAt, FhirServerAt + FhirServer, StringComparison.Ordinal).Replace("\"diagnosticReports\":null", "\"diagnosticReports\":{\"resourceType\":\"OperationOutcome\"}", StringComparison.Ordinal);
        var request = JsonSerializer.Deserialize<CdsHookRequest>(json, CdsHooksJson.Options)!;

        var resolution = await Resolver(fhir).ResolveAsync(OrderSign, request, Client, CancellationToken.None);

        Assert.True(resolution.Succeeded);
        Assert.Equal(2, fhir.MostAtOnce);
    }

    [Fact]
    public async Task GivenFailingCardSource_WhenHookHandled_ThenOtherCardsStillAnswered()
    {
        var result = await Handler(new ThrowingSource()).HandleAsync(OrderSign, Request(), Client, CancellationToken.None);

        Assert.Single(result.Response!.Cards);
    }

    [Fact]
    public async Task GivenCardBreakingTheRules_WhenHookHandled_ThenLeftOut()
    {
        var result = await Handler(new BrokenCardSource()).HandleAsync(OrderSign, Request(), Client, CancellationToken.None);

        Assert.Single(result.Response!.Cards);
    }

    [Fact]
    public async Task GivenStudyOfAnotherPatientInPrefetch_WhenResolved_ThenDropped()
    {
        var resolution = await Resolver().ResolveAsync(OrderSign, Request(), Client, CancellationToken.None);

        Assert.Equal(["s1"], resolution.Context!.Studies.Select(s => s.Id!).ToArray());
        Assert.Single(resolution.Context.ChestImagingOrders);
        Assert.Empty(resolution.Context.Reports);
    }

    [Fact]
    public async Task GivenKeyAbsentAndNoFhirServer_WhenHookHandled_ThenPreconditionFailedNamingTheKey()
    {
        var result = await Handler().HandleAsync(OrderSign, Request(withStudies: false), Client, CancellationToken.None);

        Assert.True(result.PreconditionFailed);
        Assert.Equal(["imagingStudies"], result.UnavailableKeys);
    }

    private sealed class NoServer : IFhirQueryClient
    {
        public Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken) =>
            throw new FhirReadException("no server in this test");
    }

    private sealed class CountingServer : IFhirQueryClient
    {
        public int Calls { get; private set; }

        public Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken)
        {
            Calls++;
            throw new FhirReadException("no server in this test");
        }
    }

    /// <summary>Holds each read until two are in flight at once (or 5 s pass), and counts the most seen together.</summary>
    private sealed class OverlapServer : IFhirQueryClient
    {
        private readonly TaskCompletionSource _two = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public int MostAtOnce { get; private set; }

        public async Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (_two)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }

            if (now >= 2)
            {
                _two.TrySetResult();
            }

            await Task.WhenAny(_two.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
            Interlocked.Decrement(ref _inFlight);
            return new Hl7.Fhir.Model.Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset };
        }
    }

    private sealed class FixedSource : ICardSource
    {
        public string Name => "fixed";

        public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, HookDeadline deadline) =>
            Task.FromResult<IReadOnlyList<Card>>([new Card
            {
                Summary = "AI says hello",
                Indicator = CardIndicator.Info,
                Source = new CardSource("ChestXCds", CardTopics.ChestAiAnalysis),
                Suggestions = [new Suggestion("Record AI findings", [new CdsAction("create", "Record", ActionResource.FromJsonObject(new System.Text.Json.Nodes.JsonObject { ["resourceType"] = "Observation" }))])],
            }]);
    }

    private sealed class ThrowingSource : ICardSource
    {
        public string Name => "throwing";

        public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, HookDeadline deadline) =>
            throw new InvalidOperationException("model crashed");
    }

    private sealed class BrokenCardSource : ICardSource
    {
        public string Name => "broken";

        public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, HookDeadline deadline) =>
            Task.FromResult<IReadOnlyList<Card>>([new Card { Summary = "no topic", Indicator = CardIndicator.Info, Source = new CardSource("ChestXCds") }]);
    }
}
