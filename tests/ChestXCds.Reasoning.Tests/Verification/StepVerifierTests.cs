using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Tests.Chains;
using ChestXCds.Reasoning.Verification;

namespace ChestXCds.Reasoning.Tests.Verification;

// REQ-RSN-05: every step gets Supported, Contradicted or Unverifiable with the evidence that decided it; external text too.
public sealed class StepVerifierTests
{
    private static readonly DateTimeOffset PriorDate = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PriorReport Prior = new("DiagnosticReport/7", PriorDate, "FINDINGS: Small right pleural effusion. No pneumothorax.");
    private readonly ReportFindingExtractor extractor = new();

    private StepVerifier Verifier => new(extractor);

    private VerificationContext Context(params FindingScore[] scores) => new(extractor, scores, [Prior]);

    private static ReasoningChain ChainFor(FindingScore score) =>
        ReasoningEngineTests.CreateEngine().Reason([score], [Prior]).Single();

    [Fact]
    public void GivenImageStepClaimingWrongAssertion_WhenVerified_ThenContradicted()
    {
        var chain = ChainFor(new FindingScore("Effusion", 0.9, 0.5));
        var tampered = chain with { Steps = [.. chain.Steps.Select(s => s.Kind == StepKind.ImageEvidence ? s with { Claim = Assertion.Absent, Verdict = null } : s)] };
        var verified = Verifier.Verify(tampered, Context(new FindingScore("Effusion", 0.9, 0.5)));
        var image = verified.Steps.Single(s => s.Kind == StepKind.ImageEvidence);
        Assert.Equal(StepVerdict.Contradicted, image.Verdict);
        Assert.Contains("0.90", image.VerdictReason, StringComparison.Ordinal);
        Assert.Equal(StepVerdict.Contradicted, verified.Steps.Single(s => s.Kind == StepKind.Conclusion).Verdict);
    }

    [Fact]
    public void GivenImageStepQuotingAnotherScore_WhenVerified_ThenContradicted()
    {
        var chain = ChainFor(new FindingScore("Effusion", 0.9, 0.5));
        var verified = Verifier.Verify(chain, Context(new FindingScore("Effusion", 0.6, 0.5)));
        Assert.Equal(StepVerdict.Contradicted, verified.Steps.Single(s => s.Kind == StepKind.ImageEvidence).Verdict);
    }

    [Fact]
    public void GivenNoScore_WhenVerifyingImageStep_ThenUnverifiable()
    {
        var chain = ChainFor(new FindingScore("Effusion", 0.9, 0.5));
        var verified = Verifier.Verify(chain, Context());
        Assert.Equal(StepVerdict.Unverifiable, verified.Steps.Single(s => s.Kind == StepKind.ImageEvidence).Verdict);
    }

    [Fact]
    public void GivenReportStepWithWrongAssertionOrQuote_WhenVerified_ThenContradicted()
    {
        var chain = ChainFor(new FindingScore("Effusion", 0.9, 0.5));
        var reportStep = chain.Steps.Single(s => s.Kind == StepKind.PriorReportEvidence);
        Assert.Equal(StepVerdict.Supported, reportStep.Verdict);

        var wrongClaim = chain with { Steps = [.. chain.Steps.Select(s => s == reportStep ? s with { Claim = Assertion.Absent } : s)] };
        Assert.Equal(StepVerdict.Contradicted, Verifier.Verify(wrongClaim, Context(new FindingScore("Effusion", 0.9, 0.5))).Steps[reportStep.Index].Verdict);

        var wrongQuote = chain with
        {
            Steps = [.. chain.Steps.Select(s => s == reportStep ? s with { Evidence = [s.Evidence[0] with { Quote = "Large right pleural effusion." }] } : s)],
        };
        var verdict = Verifier.Verify(wrongQuote, Context(new FindingScore("Effusion", 0.9, 0.5))).Steps[reportStep.Index];
        Assert.Equal(StepVerdict.Contradicted, verdict.Verdict);
        Assert.Contains("span", verdict.VerdictReason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenReportStepCitingUnknownReport_WhenVerified_ThenUnverifiable()
    {
        var chain = ChainFor(new FindingScore("Effusion", 0.9, 0.5));
        var context = new VerificationContext(extractor, [new FindingScore("Effusion", 0.9, 0.5)], []);
        Assert.Equal(StepVerdict.Unverifiable, Verifier.Verify(chain, context).Steps.Single(s => s.Kind == StepKind.PriorReportEvidence).Verdict);
    }

    [Fact]
    public void GivenTemporalStepWithWrongChange_WhenVerified_ThenContradicted()
    {
        var chain = ChainFor(new FindingScore("Effusion", 0.9, 0.5));
        var temporal = chain.Steps.Single(s => s.Kind == StepKind.TemporalComparison);
        Assert.Equal(StepVerdict.Supported, temporal.Verdict);
        Assert.Equal(TemporalChange.Stable, chain.Change);
        var tampered = chain with { Steps = [.. chain.Steps.Select(s => s == temporal ? s with { Text = "Temporal comparison: the effusion is new." } : s)] };
        Assert.Equal(StepVerdict.Contradicted, Verifier.Verify(tampered, Context(new FindingScore("Effusion", 0.9, 0.5))).Steps[temporal.Index].Verdict);
    }

    [Fact]
    public void GivenExternalReasoningText_WhenVerified_ThenEachStepIsJudgedAgainstScoresAndReports()
    {
        const string text = "<think>1. The costophrenic angles are examined.\n2. There is a right pleural effusion.\n3. No pneumothorax is seen.\n4. The heart is enlarged.\n5. There is a calcified granuloma.</think><answer>Pleural effusion.</answer>";
        var steps = Verifier.VerifyText(text, Context(new FindingScore("Effusion", 0.8, 0.5), new FindingScore("Cardiomegaly", 0.2, 0.5)));

        Assert.Equal(6, steps.Count);
        Assert.Equal(StepVerdict.Unverifiable, steps[0].Verdict);
        Assert.Equal(StepKind.Plan, steps[0].Kind);
        Assert.Equal(StepVerdict.Supported, steps[1].Verdict);
        Assert.Equal(StepKind.ImageEvidence, steps[1].Kind);
        Assert.Equal(StepVerdict.Supported, steps[2].Verdict);
        Assert.Equal(StepKind.PriorReportEvidence, steps[2].Kind);
        Assert.Equal(StepVerdict.Contradicted, steps[3].Verdict);
        Assert.Equal(StepVerdict.Unverifiable, steps[4].Verdict);
        Assert.Equal(StepKind.Conclusion, steps[5].Kind);
        Assert.Equal(StepVerdict.Supported, steps[5].Verdict);
    }

    [Fact]
    public void GivenHeadingsAndQuotedOptions_WhenParsed_ThenOnlyAssertionsRemain()
    {
        var parsed = ReasoningTextParser.Parse("<think>Cardiomegaly (Option A):\nCardiomegaly: The heart size appears normal.\nThe option notes \"pleural effusion\", which is not seen.</think>");
        Assert.Equal(["The heart size appears normal.", "The option notes the option, which is not seen."], parsed.Steps);
    }

    [Fact]
    public void GivenUntaggedText_WhenParsed_ThenWholeTextIsSteps()
    {
        var parsed = ReasoningTextParser.Parse("- **Step 1:** Heart size normal.\n- Lungs are clear. No effusion.");
        Assert.Null(parsed.Answer);
        Assert.Equal(["Heart size normal.", "Lungs are clear.", "No effusion."], parsed.Steps);
    }
}
