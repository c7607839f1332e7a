using System.Text.Json;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Studies;
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

    private static CdsHookRequest Request(bool withStudies = true) =>
        JsonSerializer.Deserialize<CdsHookRequest>(RequestJson(withStudies).Replace("STARTED", Started, StringComparison.Ordinal), CdsHooksJson.Options)!;

    private static CdsHookHandler Handler(params ICardSource[] extra)
    {
        var reader = new PrefetchOrQueryReader(new NoServer(), NullLogger<PrefetchOrQueryReader>.Instance);
        var resolver = new PatientContextResolver(reader, ChestImagingOrderCatalog.Default, TimeProvider.System, NullLogger<PatientContextResolver>.Instance);
        var options = new FixedOptions<AnalysisOptions>(new AnalysisOptions());
        ICardSource[] sources = [new PriorChestImagingCardSource(new StudySelector(ChestImagingOrderCatalog.Default), options), .. extra];
        return new CdsHookHandler(resolver, sources, NullLogger<CdsHookHandler>.Instance);
    }

    private static CdsServiceDescriptor OrderSign => ChestXServices.Find(ChestXServices.OrderSignId)!;

    [Fact]
    public async Task GivenSecondCardSource_WhenHookHandled_ThenBothSourcesCardsNormalized()
    {
        var result = await Handler(new FixedSource()).HandleAsync(OrderSign, Request(), CancellationToken.None);

        Assert.False(result.PreconditionFailed);
        Assert.Equal(2, result.Response!.Cards.Count);
        Assert.All(result.Response.Cards, c => Assert.Empty(CardRules.Violations(c)));
        Assert.Contains(result.Response.Cards, c => c.Source.Topic == CardTopics.ChestAiAnalysis);
    }

    [Fact]
    public async Task GivenFailingCardSource_WhenHookHandled_ThenOtherCardsStillAnswered()
    {
        var result = await Handler(new ThrowingSource()).HandleAsync(OrderSign, Request(), CancellationToken.None);

        Assert.Single(result.Response!.Cards);
    }

    [Fact]
    public async Task GivenCardBreakingTheRules_WhenHookHandled_ThenLeftOut()
    {
        var result = await Handler(new BrokenCardSource()).HandleAsync(OrderSign, Request(), CancellationToken.None);

        Assert.Single(result.Response!.Cards);
    }

    [Fact]
    public async Task GivenStudyOfAnotherPatientInPrefetch_WhenResolved_ThenDropped()
    {
        var reader = new PrefetchOrQueryReader(new NoServer(), NullLogger<PrefetchOrQueryReader>.Instance);
        var resolver = new PatientContextResolver(reader, ChestImagingOrderCatalog.Default, TimeProvider.System, NullLogger<PatientContextResolver>.Instance);

        var resolution = await resolver.ResolveAsync(OrderSign, Request(), CancellationToken.None);

        Assert.Equal(["s1"], resolution.Context!.ImagingStudies.Select(s => s.Id!).ToArray());
        Assert.Single(resolution.Context.ChestImagingOrders);
        Assert.Empty(resolution.Context.DiagnosticReports);
    }

    [Fact]
    public async Task GivenKeyAbsentAndNoFhirServer_WhenHookHandled_ThenPreconditionFailedNamingTheKey()
    {
        var result = await Handler().HandleAsync(OrderSign, Request(withStudies: false), CancellationToken.None);

        Assert.True(result.PreconditionFailed);
        Assert.Equal(["imagingStudies"], result.UnavailableKeys);
    }

    private sealed class NoServer : IFhirQueryClient
    {
        public Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken) =>
            throw new FhirReadException("no server in this test");
    }

    private sealed class FixedSource : ICardSource
    {
        public string Name => "fixed";

        public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Card>>([new Card { Summary = "AI says hello", Indicator = CardIndicator.Info, Source = new CardSource("ChestXCds", CardTopics.ChestAiAnalysis) }]);
    }

    private sealed class ThrowingSource : ICardSource
    {
        public string Name => "throwing";

        public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("model crashed");
    }

    private sealed class BrokenCardSource : ICardSource
    {
        public string Name => "broken";

        public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Card>>([new Card { Summary = "no topic", Indicator = CardIndicator.Info, Source = new CardSource("ChestXCds") }]);
    }
}
