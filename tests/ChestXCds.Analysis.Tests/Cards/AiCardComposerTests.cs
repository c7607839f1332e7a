using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Precompute;
using ChestXCds.Analysis.Studies;
using ChestXCds.Analysis.Tests.Studies;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Tests.Cards;

/// <summary>REQ-ANA-03: the AI card — summary, severity, reasoning, resources — and the pending card follow the card rules.</summary>
public sealed class AiCardComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelDescriptor Model = new("nih-multilabel", "1.0.0", "CPU", null, "Weak research model; not for clinical use.");

    private static ChestStudy Study(TimeSpan age, string? impression = null) =>
        new(StudySelectorTests.Record("cxr-1", Now - age), Now - age, "DX", null, impression);

    private static AiCardInput Input(IReadOnlyList<FindingScore> scores, ChestStudy? duplicateOf = null, AiAnalysisOptions? options = null, IReadOnlyList<ReasoningChain>? chains = null)
    {
        var study = duplicateOf ?? Study(TimeSpan.FromDays(3));
        var analysis = new StudyAnalysis("1.2.3.4", "1.2.3.4.5", Model, scores, chains ?? [], [], Now);
        var resources = new AnalysisMapper(Options.Create(new FhirMappingOptions()))
            .Map(analysis, new AnalysisFhirContext("Patient/p1", "ImagingStudy/cxr-1", "1.2.3.4", Now, "ServiceRequest/sr1", "Practitioner/u1"));
        return new AiCardInput(analysis, study, resources.Serialize().Select(r => ActionResource.FromSerialized(r.Utf8Json, r.ResourceType, r.Id)).ToList(), duplicateOf, options ?? new AiAnalysisOptions(), Now);
    }

    [Fact]
    public void GivenManyPositiveFindings_WhenComposed_ThenTheSummaryListsTheLikeliestAndStaysUnder140Characters()
    {
        // REQ-ANA-03
        var scores = FindingCatalog.Nih14.Select((id, i) => new FindingScore(id, 0.99 - (i * 0.01), 0.1)).ToList();

        var card = CardRules.Normalize(AiCardComposer.Analysis(Input(scores, Study(TimeSpan.FromHours(2)))));

        Assert.Empty(CardRules.Violations(card));
        Assert.True(card.Summary.Length < 140, card.Summary);
        Assert.StartsWith("Chest X-ray already done 2 h ago; AI flags Atelectasis 99%", card.Summary, StringComparison.Ordinal);
        Assert.Contains("more", card.Summary, StringComparison.Ordinal);
        Assert.Equal(CardTopics.ChestAiAnalysis, card.Source.Topic);
    }

    [Fact]
    public void GivenNoPositiveFinding_WhenComposed_ThenInfoWithEveryScoreInTheDetail()
    {
        // REQ-ANA-03
        var card = AiCardComposer.Analysis(Input([new FindingScore("Effusion", 0.2, 0.37), new FindingScore("Cardiomegaly", 0.1, 0.25)]));

        Assert.Equal(CardIndicator.Info, card.Indicator);
        Assert.Contains("no finding above its thresholds", card.Summary, StringComparison.Ordinal);
        Assert.Contains("| Pleural effusion | 20% | 37% | below threshold |", card.Detail, StringComparison.Ordinal);
        Assert.Contains("Weak research model", card.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Effusion", 0.6, CardIndicator.Warning)]     // needs action, above the warning minimum
    [InlineData("Effusion", 0.4, CardIndicator.Info)]        // positive but below the warning minimum
    [InlineData("Cardiomegaly", 0.9, CardIndicator.Info)]    // no action needed
    [InlineData("Pneumothorax", 0.95, CardIndicator.Critical)]
    public void GivenAPositiveFinding_WhenComposed_ThenTheIndicatorFollowsTheConfiguredSeverity(string finding, double probability, CardIndicator expected)
    {
        // REQ-ANA-03
        var card = AiCardComposer.Analysis(Input([new FindingScore(finding, probability, 0.3)]));

        Assert.Equal(expected, card.Indicator);
    }

    [Fact]
    public void GivenARecentStudyAndNoFinding_WhenComposed_ThenTheDuplicateWarningKeepsTheCardAWarning()
    {
        // REQ-ANA-03
        var card = AiCardComposer.Analysis(Input([new FindingScore("Effusion", 0.1, 0.37)], Study(TimeSpan.FromHours(5))));

        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Contains("Possible duplicate exposure", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnAnalysis_WhenComposed_ThenOneSuggestionCreatesEveryResourceWithItsId()
    {
        // REQ-ANA-03
        var input = Input([new FindingScore("Effusion", 0.7, 0.37)]);

        var card = AiCardComposer.Analysis(input);

        var suggestion = Assert.Single(card.Suggestions!);
        Assert.Equal("Record AI findings", suggestion.Label);
        Assert.Equal(input.Resources.Count, suggestion.Actions!.Count);
        Assert.All(suggestion.Actions, a => Assert.Equal("create", a.Type));
        Assert.Equal(input.Resources, suggestion.Actions.Select(a => a.Resource!));
        Assert.Equal(
            ["DocumentReference", "Device", "Observation", "Observation", "Provenance"],
            suggestion.Actions.Select(a => a.Resource!.ToJsonObject()["resourceType"]!.GetValue<string>()));
        Assert.All(suggestion.Actions, a => Assert.Equal(a.Resource!.Id, a.Resource.ToJsonObject()["id"]!.GetValue<string>()));
        Assert.Equal(SelectionBehavior.Any, card.SelectionBehavior);
        Assert.Null(card.Links);
    }

    [Fact]
    public void GivenAViewerUrl_WhenComposed_ThenASmartLinkCarriesTheStudyInAppContext()
    {
        // REQ-ANA-03
        var options = new AiAnalysisOptions { ViewerLaunchUrl = new Uri("https://viewer.example.org/launch") };

        var card = CardRules.Normalize(AiCardComposer.Analysis(Input([new FindingScore("Effusion", 0.7, 0.37)], options: options)));

        var link = Assert.Single(card.Links!);
        Assert.Equal(CardLinkTypes.Smart, link.Type);
        Assert.Contains("1.2.3.4", link.AppContext, StringComparison.Ordinal);
        Assert.Empty(CardRules.Violations(card));
    }

    [Fact]
    public void GivenVerifiedChains_WhenComposed_ThenEachStepShowsItsVerdictAndQuotedEvidence()
    {
        // REQ-ANA-03
        var quote = new Evidence(EvidenceKind.ReportSentence, "prior", "DiagnosticReport/r1", "No pleural effusion.", Date: Now.AddDays(-30), Assertion: Assertion.Absent);
        var steps = new List<ReasoningStep>
        {
            new(0, StepKind.ImageEvidence, "Effusion", "The model scores effusion at 0.70.", Assertion.Present, [], StepVerdict.Supported, "Score above threshold."),
            new(1, StepKind.PriorReportEvidence, "Effusion", "The prior report denies effusion.", Assertion.Absent, [quote], StepVerdict.Contradicted, "Quote asserts absent."),
        };
        var chain = new ReasoningChain("Is there a pleural effusion?", "Effusion", steps, Assertion.Present, 0.7, TemporalChange.New);

        var card = AiCardComposer.Analysis(Input([new FindingScore("Effusion", 0.7, 0.37)], chains: [chain]));

        Assert.Contains("[Supported] *ImageEvidence:*", card.Detail, StringComparison.Ordinal);
        Assert.Contains("[Contradicted] *PriorReportEvidence:*", card.Detail, StringComparison.Ordinal);
        Assert.Contains("new compared with prior reports", card.Detail, StringComparison.Ordinal);
        Assert.Contains("(2026-10-26)", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAStudyBeingAnalysed_WhenThePendingCardIsComposed_ThenItPassesTheRulesWithItsOwnTopic()
    {
        // REQ-ANA-02
        var card = CardRules.Normalize(AiCardComposer.Pending(Study(TimeSpan.FromHours(1)), Now));

        Assert.Empty(CardRules.Violations(card));
        Assert.Equal(CardTopics.ChestAiAnalysisPending, card.Source.Topic);
        Assert.Equal(CardIndicator.Info, card.Indicator);
    }
}
