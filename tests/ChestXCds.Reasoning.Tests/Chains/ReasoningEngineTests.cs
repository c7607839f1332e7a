using ChestXCds.Domain;
using ChestXCds.Reasoning.Chains;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Verification;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChestXCds.Reasoning.Tests.Chains;

// REQ-RSN-04: chains of plan, image evidence, prior-report evidence, temporal comparison and conclusion, every step verified.
public sealed class ReasoningEngineTests
{
    private static readonly DateTimeOffset PriorDate = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    internal static ReasoningEngine CreateEngine()
    {
        var extractor = new ReportFindingExtractor();
        return new ReasoningEngine(extractor, new StepVerifier(extractor), Options.Create(new ReasoningOptions()), NullLogger<ReasoningEngine>.Instance);
    }

    [Fact]
    public void GivenPositiveScoreAndPriorWithoutEffusion_WhenReasoning_ThenChainSaysNewAndEveryStepIsSupported()
    {
        var prior = new PriorReport("DiagnosticReport/1", PriorDate, "FINDINGS: No pleural effusion. Heart size normal.");
        var chain = Assert.Single(CreateEngine().Reason([new FindingScore("Effusion", 0.8, 0.5)], [prior]));

        Assert.Equal([StepKind.Plan, StepKind.ImageEvidence, StepKind.PriorReportEvidence, StepKind.TemporalComparison, StepKind.Conclusion], chain.Steps.Select(s => s.Kind));
        Assert.All(chain.Steps, s => Assert.Equal(StepVerdict.Supported, s.Verdict));
        Assert.All(chain.Steps, s => Assert.False(string.IsNullOrEmpty(s.VerdictReason)));
        Assert.Equal(Assertion.Present, chain.Answer);
        Assert.Equal(TemporalChange.New, chain.Change);

        var priorStep = chain.Steps[2];
        var evidence = Assert.Single(priorStep.Evidence);
        Assert.Equal("No pleural effusion.", evidence.Quote);
        Assert.Equal(evidence.Quote, evidence.Span!.Value.Slice(prior.Text));
        Assert.Equal(PriorDate, evidence.Date);
        Assert.Equal(Assertion.Absent, evidence.Assertion);
    }

    [Fact]
    public void GivenNegativeScoreAndPriorEffusion_WhenReasoning_ThenResolved()
    {
        var prior = new PriorReport("DiagnosticReport/1", PriorDate, "IMPRESSION: Small left pleural effusion.");
        var chain = Assert.Single(CreateEngine().Reason([new FindingScore("Effusion", 0.1, 0.5)], [prior]));
        Assert.Equal(TemporalChange.Resolved, chain.Change);
        Assert.Equal(Assertion.Absent, chain.Answer);
        Assert.All(chain.Steps, s => Assert.Equal(StepVerdict.Supported, s.Verdict));
    }

    [Fact]
    public void GivenNoPriors_WhenReasoning_ThenTemporalIsUnknownAndNoPriorStep()
    {
        var chain = Assert.Single(CreateEngine().Reason([new FindingScore("Cardiomegaly", 0.9, 0.5)], []));
        Assert.Equal(TemporalChange.Unknown, chain.Change);
        Assert.DoesNotContain(chain.Steps, s => s.Kind == StepKind.PriorReportEvidence);
        Assert.Equal(0.9, chain.Confidence);
    }

    [Fact]
    public void GivenScoresForFourFindings_WhenNoFindingsNamed_ThenOneChainPerScoredFinding()
    {
        FindingScore[] scores = [new("Atelectasis", 0.2, 0.5), new("Cardiomegaly", 0.7, 0.5), new("Effusion", 0.4, 0.5), new("Infiltration", 0.6, 0.5)];
        var chains = CreateEngine().Reason(scores, []);
        Assert.Equal(scores.Select(s => s.FindingId), chains.Select(c => c.FindingId));

        var only = CreateEngine().Reason(scores, [], ["Effusion"]);
        Assert.Equal("Effusion", Assert.Single(only).FindingId);
    }

    [Fact]
    public void GivenChain_WhenRendered_ThenThinkAndAnswerTagsHoldStepsAndConclusion()
    {
        var chains = CreateEngine().Reason([new FindingScore("Effusion", 0.8, 0.5)], []);
        var text = ReasoningTextRenderer.Render(chains);
        Assert.StartsWith("<think>", text, StringComparison.Ordinal);
        Assert.Contains("</think><answer>pleural effusion: present (confidence 0.80).</answer>", text, StringComparison.Ordinal);
        Assert.Contains(chains[0].Steps[1].Text, text, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenPlan_WhenBuilt_ThenSignsComeFromTheKnowledgeFile()
    {
        var chain = Assert.Single(CreateEngine().Reason([new FindingScore("Effusion", 0.8, 0.5)], []));
        Assert.True(KnowledgeBase.Default.TryGet("Effusion", out var knowledge));
        Assert.Contains(knowledge.Signs[0], chain.Steps[0].Text, StringComparison.Ordinal);
        Assert.Equal(knowledge.Question, chain.Question);
    }

    [Fact]
    public void GivenEveryNihFinding_WhenLookingUpKnowledge_ThenAReviewedFileExists()
    {
        Assert.All(FindingCatalog.Nih14, id => Assert.True(KnowledgeBase.Default.TryGet(id, out var k) && k.Signs.Count > 0, id));
    }
}
