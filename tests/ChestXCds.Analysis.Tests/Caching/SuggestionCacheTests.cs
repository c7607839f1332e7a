using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Precompute;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.Analysis.Tests.Studies;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Translation;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Services;
using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Reasoning.Chains;
using ChestXCds.Testing;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Tests.Caching;

/// <summary>REQ-ANA-06: a repeated hook reuses its reasoning and resources (the same bytes, ids derived from the inputs); any changed input builds them again.</summary>
public sealed class SuggestionCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelDescriptor Model = new("nih-multilabel", "1.0.0", "CPU", null, "Weak research model; not for clinical use.");
    private static readonly ImageFindings Findings = new("1.2.3.4", "1.2.3", "1.2.3.4.5", Model, [new FindingScore("Effusion", 0.7, 0.37)], Now.AddMinutes(-5), new ImageAnalysisTimings(1, 1, 1));
    private static readonly ChestStudy Study = new(StudyRecords.From(StudySelectorTests.Study("cxr-1", Now.AddHours(-1))), Now.AddHours(-1), "CR", null, null);

    private readonly CountingEngine _engine = new();

    private SuggestionBuilder Builder => new(new StudyAnalysisAssembler(_engine), new AnalysisMapper(Options.Create(new FhirMappingOptions())));

    private static SuggestionCache Cache(int entries = 16) => new(new FixedOptions<AiAnalysisOptions>(new AiAnalysisOptions { SuggestionCacheEntries = entries }));

    private PreparedSuggestion Prepare(SuggestionCache cache, PatientContext context)
    {
        var inputs = SuggestionInputs.Of(Findings, Study, context, maxPriorReports: 5);
        var digest = inputs.Digest();
        return cache.GetOrBuild(digest, () => Builder.Build(inputs, digest));
    }

    private static PatientContext Context(string reportText = "IMPRESSION: Small left pleural effusion.", string user = "Practitioner/u1") => new()
    {
        Service = ChestXServices.All[0],
        Request = new CdsHookRequest { Hook = "order-sign", Context = new HookContext { PatientId = "p1", UserId = user } },
        Client = "https://ehr.example.org",
        PatientId = "p1",
        Reports =
        [
            ReportRecords.From(new DiagnosticReport { Id = "r1", Status = DiagnosticReport.DiagnosticReportStatus.Final, Effective = new FhirDateTime(Now.AddDays(-30)), Conclusion = reportText }),
        ],
        Now = Now,
    };

    [Fact]
    public void GivenTheSameHookTwice_WhenPrepared_ThenReasonedOnceAndTheSameResourcesServed()
    {
        // REQ-ANA-06
        using var cache = Cache();

        var first = Prepare(cache, Context());
        var second = Prepare(cache, Context());

        Assert.Equal(1, _engine.Calls);
        Assert.Same(first, second);
        Assert.Equal(["DiagnosticReport/r1"], second.Analysis.EvidenceReports);
    }

    [Fact]
    public void GivenTheCacheTurnedOff_WhenTheSameHookIsBuiltTwice_ThenTheResourcesAreTheSameBytes()
    {
        // REQ-ANA-06: ids come from the inputs' digest, so a remembered entry is exactly what building again gives.
        using var cache = Cache(entries: 0);

        var first = Prepare(cache, Context());
        var second = Prepare(cache, Context());

        Assert.Equal(2, _engine.Calls);
        Assert.Equal(first.Resources.Select(r => Convert.ToBase64String(r.Utf8Json.Span)), second.Resources.Select(r => Convert.ToBase64String(r.Utf8Json.Span)));
        Assert.Equal(first.Resources.Count, first.Resources.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void GivenAnotherOrder_WhenPrepared_ThenNoResourceIdIsShared()
    {
        // REQ-ANA-06: other inputs, other ids: two suggestions never collide.
        using var cache = Cache();
        var other = Context() with { ChestImagingOrders = [new OrderRecord("ServiceRequest", "sr-2", [], null)] };

        var first = Prepare(cache, Context());
        var second = Prepare(cache, other);

        Assert.Empty(first.Resources.Select(r => r.Id).Intersect(second.Resources.Select(r => r.Id)));
    }

    [Fact]
    public void GivenAChangedPriorReport_WhenPrepared_ThenReasonedAgainOverTheNewText()
    {
        // REQ-ANA-06: an amended report is new evidence.
        using var cache = Cache();

        Prepare(cache, Context());
        var amended = Prepare(cache, Context("IMPRESSION: No pleural effusion."));

        Assert.Equal(2, _engine.Calls);
        Assert.Equal("No pleural effusion.", _engine.LastPriors!.Single().Text.Replace("IMPRESSION: ", string.Empty, StringComparison.Ordinal));
        Assert.NotNull(amended.Analysis);
    }

    [Fact]
    public void GivenAnotherUser_WhenPrepared_ThenTheResourcesNameThatUser()
    {
        // REQ-ANA-06: the Provenance agent is the ordering clinician of this hook.
        using var cache = Cache();

        Prepare(cache, Context());
        var other = Prepare(cache, Context(user: "Practitioner/u2"));

        Assert.Equal(2, _engine.Calls);
        var provenance = other.Resources.Single(r => r.ResourceType == "Provenance").ToJsonObject().ToJsonString();
        Assert.Contains("Practitioner/u2", provenance, StringComparison.Ordinal);
        Assert.DoesNotContain("Practitioner/u1", provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheCacheTurnedOff_WhenTheSameHookComesTwice_ThenReasonedTwice()
    {
        using var cache = Cache(entries: 0);

        Prepare(cache, Context());
        Prepare(cache, Context());

        Assert.Equal(2, _engine.Calls);
    }

    private sealed class CountingEngine : IReasoningEngine
    {
        public int Calls { get; private set; }

        public IReadOnlyList<PriorReport>? LastPriors { get; private set; }

        public IReadOnlyList<ReasoningChain> Reason(IReadOnlyList<FindingScore> scores, IReadOnlyList<PriorReport> priorReports, IReadOnlyList<string>? findingIds = null)
        {
            Calls++;
            LastPriors = priorReports;
            return Analyzing.ReasoningFixture.Engine.Reason(scores, priorReports, findingIds);
        }
    }
}
