using System.Globalization;
using ChestXCds.Domain;
using ChestXCds.Reasoning.Chains;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Verification;

/// <summary>Checks each step against the evidence it names; see <see cref="IStepVerifier"/>.</summary>
public sealed class StepVerifier : IStepVerifier
{
    /// <summary>Scores quoted in a step may differ from the model's by rounding to two decimals.</summary>
    private const double ScoreTolerance = 0.005;

    private readonly IReportFindingExtractor extractor;

    public StepVerifier(IReportFindingExtractor extractor) => this.extractor = extractor;

    public ReasoningChain Verify(ReasoningChain chain, VerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(context);
        var verified = new List<ReasoningStep>(chain.Steps.Count);
        foreach (var step in chain.Steps)
        {
            var (verdict, reason) = step.Kind switch
            {
                StepKind.Plan => VerifyPlan(step),
                StepKind.ImageEvidence => VerifyImage(step, context),
                StepKind.PriorReportEvidence => VerifyPriorReport(step, context),
                StepKind.TemporalComparison => VerifyTemporal(step, context),
                _ => VerifyConclusion(step, verified),
            };
            verified.Add(step with { Verdict = verdict, VerdictReason = reason });
        }

        return chain with { Steps = verified };
    }

    public IReadOnlyList<ReasoningStep> VerifyText(string reasoningText, VerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(reasoningText);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = ReasoningTextParser.Parse(reasoningText);
        var texts = parsed.Steps.ToList();
        var answerIndex = -1;
        if (!string.IsNullOrWhiteSpace(parsed.Answer))
        {
            answerIndex = texts.Count;
            texts.Add(parsed.Answer);
        }

        var steps = new List<ReasoningStep>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            steps.Add(VerifyClaims(i, texts[i], i == answerIndex, context));
        }

        return steps;
    }

    private ReasoningStep VerifyClaims(int index, string text, bool isAnswer, VerificationContext context)
    {
        var mentions = extractor.ExtractObservations(text);
        var evidence = new List<Evidence>();
        var reasons = new List<string>();
        int supported = 0, contradicted = 0;
        var decidedByImage = false;
        foreach (var mention in mentions.DistinctBy(m => (m.FindingId, m.Assertion)))
        {
            var (verdict, reason, item) = CheckClaim(mention, context);
            reasons.Add(reason);
            if (item is not null)
            {
                evidence.Add(item);
                decidedByImage |= item.Kind == EvidenceKind.ImageScore;
            }

            supported += verdict == StepVerdict.Supported ? 1 : 0;
            contradicted += verdict == StepVerdict.Contradicted ? 1 : 0;
        }

        var kind = isAnswer ? StepKind.Conclusion
            : mentions.Count == 0 ? StepKind.Plan
            : decidedByImage ? StepKind.ImageEvidence
            : StepKind.PriorReportEvidence;
        var stepVerdict = contradicted > 0 ? StepVerdict.Contradicted : supported > 0 ? StepVerdict.Supported : StepVerdict.Unverifiable;
        var why = reasons.Count == 0 ? "The step claims no finding the extractor knows." : string.Join(" ", reasons);
        var first = mentions.Count > 0 ? mentions[0] : null;
        return new ReasoningStep(index, kind, first?.FindingId, text, first?.Assertion, evidence, stepVerdict, why);
    }

    private static (StepVerdict Verdict, string Reason, Evidence? Evidence) CheckClaim(ReportFinding claim, VerificationContext context)
    {
        var name = ReasoningEngine.Display(claim.FindingId);
        var said = ReasoningEngine.Word(claim.Assertion);
        var score = context.ScoreFor(claim.FindingId);
        if (score is not null)
        {
            var item = new Evidence(EvidenceKind.ImageScore, $"{claim.FindingId} probability {F(score.Probability)}, threshold {F(score.Threshold)}", Source: "model", Score: score.Probability, Threshold: score.Threshold);
            if (claim.Assertion == Assertion.Uncertain)
            {
                return (StepVerdict.Unverifiable, $"'{name} {said}' is hedged; the score {F(score.Probability)} (threshold {F(score.Threshold)}) cannot confirm a hedge.", item);
            }

            var agrees = (claim.Assertion == Assertion.Present) == score.IsPositive;
            return (agrees ? StepVerdict.Supported : StepVerdict.Contradicted,
                $"'{name} {said}' {(agrees ? "agrees" : "disagrees")} with the image score {F(score.Probability)} against threshold {F(score.Threshold)}.", item);
        }

        var (source, date, mention) = ReportMention(claim.FindingId, context);
        if (mention is null)
        {
            return (StepVerdict.Unverifiable, $"No model score and no report mentions {name}.", null);
        }

        var evidence = new Evidence(EvidenceKind.ReportSentence, $"{source} ({mention.Section})", Source: source, Quote: mention.Sentence, Span: mention.SentenceSpan, Date: date, Assertion: mention.Assertion);
        var consistent = Compatible(claim.Assertion, mention.Assertion);
        return (consistent ? StepVerdict.Supported : StepVerdict.Contradicted,
            $"'{name} {said}' {(consistent ? "agrees" : "disagrees")} with {source}: \"{mention.Sentence}\" ({ReasoningEngine.Word(mention.Assertion)}).", evidence);
    }

    // The current report decides when given; otherwise the most recent prior report that mentions the finding.
    private static (string Source, DateTimeOffset? Date, ReportFinding? Mention) ReportMention(string findingId, VerificationContext context)
    {
        if (context.CurrentReport is not null)
        {
            return ("the report", null, VerificationContext.Deciding(context.CurrentFindings(), findingId));
        }

        foreach (var prior in context.PriorReports)
        {
            var mention = VerificationContext.Deciding(context.FindingsOf(prior), findingId);
            if (mention is not null)
            {
                return (prior.Reference, prior.Date, mention);
            }
        }

        return (string.Empty, null, null);
    }

    /// <summary>Same assertion, or present against uncertain (a hedge does not contradict a finding).</summary>
    internal static bool Compatible(Assertion a, Assertion b) =>
        a == b || (a != Assertion.Absent && b != Assertion.Absent);

    private static (StepVerdict, string) VerifyPlan(ReasoningStep step)
    {
        var source = step.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.Knowledge)?.Source;
        return source is not null && step.FindingId is not null && KnowledgeBase.Default.TryGet(step.FindingId, out var k) && k.Source == source
            ? (StepVerdict.Supported, $"The plan follows the reviewed knowledge file {source}.")
            : (StepVerdict.Unverifiable, "No reviewed knowledge file backs this plan.");
    }

    private static (StepVerdict, string) VerifyImage(ReasoningStep step, VerificationContext context)
    {
        var score = step.FindingId is null ? null : context.ScoreFor(step.FindingId);
        if (score is null || step.Claim is null)
        {
            return (StepVerdict.Unverifiable, "There is no model score for this finding.");
        }

        var quoted = step.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.ImageScore);
        if (quoted is not null && (Math.Abs((quoted.Score ?? double.NaN) - score.Probability) > ScoreTolerance || Math.Abs((quoted.Threshold ?? double.NaN) - score.Threshold) > ScoreTolerance))
        {
            return (StepVerdict.Contradicted, $"The step quotes score {F(quoted.Score)} / threshold {F(quoted.Threshold)}; the model gave {F(score.Probability)} / {F(score.Threshold)}.");
        }

        var positive = score.IsPositive;
        var agrees = step.Claim == (positive ? Assertion.Present : Assertion.Absent);
        var relation = positive ? ">=" : "<";
        return (agrees ? StepVerdict.Supported : StepVerdict.Contradicted,
            $"Score {F(score.Probability)} {relation} threshold {F(score.Threshold)}: the model calls it {(positive ? "present" : "absent")}; the step says {ReasoningEngine.Word(step.Claim.Value)}.");
    }

    private static (StepVerdict, string) VerifyPriorReport(ReasoningStep step, VerificationContext context)
    {
        var quoted = step.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.ReportSentence && e.Quote is not null);
        if (quoted is null)
        {
            // A "no prior report mentions it" step: check that none does.
            var mentioning = context.PriorReports.FirstOrDefault(p => step.FindingId is not null && VerificationContext.Deciding(context.FindingsOf(p), step.FindingId) is not null);
            return mentioning is null
                ? (StepVerdict.Supported, $"None of the {context.PriorReports.Count} prior reports mentions it.")
                : (StepVerdict.Contradicted, $"{mentioning.Reference} does mention it.");
        }

        var prior = context.PriorByReference(quoted.Source);
        if (prior is null)
        {
            return (StepVerdict.Unverifiable, $"The prior report {quoted.Source} is not among the evidence.");
        }

        if (quoted.Date != prior.Date)
        {
            return (StepVerdict.Contradicted, $"The step dates {prior.Reference} {ReasoningEngine.DateText(quoted.Date)}; it is dated {ReasoningEngine.DateText(prior.Date)}.");
        }

        var span = quoted.Span;
        var spanHolds = span is { } s && s.Start >= 0 && s.End <= prior.Text.Length && s.Slice(prior.Text) == quoted.Quote;
        if (!spanHolds)
        {
            return (StepVerdict.Contradicted, $"The quote is not at the cited span of {prior.Reference}.");
        }

        var mention = context.FindingsOf(prior)
            .Where(f => f.SentenceSpan == span && string.Equals(f.FindingId, step.FindingId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var deciding = VerificationContext.Deciding(mention, step.FindingId!);
        if (deciding is null || step.Claim is null)
        {
            return (StepVerdict.Unverifiable, "The quoted sentence does not mention the finding.");
        }

        return deciding.Assertion == step.Claim
            ? (StepVerdict.Supported, $"The quoted sentence of {prior.Reference} asserts it {ReasoningEngine.Word(deciding.Assertion)}.")
            : (StepVerdict.Contradicted, $"The quoted sentence asserts it {ReasoningEngine.Word(deciding.Assertion)}, not {ReasoningEngine.Word(step.Claim.Value)}.");
    }

    private static (StepVerdict, string) VerifyTemporal(ReasoningStep step, VerificationContext context)
    {
        if (step.FindingId is null)
        {
            return (StepVerdict.Unverifiable, "The step names no finding.");
        }

        var claimed = TemporalCues.Find(step.Text);
        var score = context.ScoreFor(step.FindingId);
        ReportFinding? prior = null;
        PriorReport? priorReport = null;
        foreach (var p in context.PriorReports)
        {
            prior = VerificationContext.Deciding(context.FindingsOf(p), step.FindingId);
            if (prior is not null)
            {
                priorReport = p;
                break;
            }
        }

        if (score is null)
        {
            return (StepVerdict.Unverifiable, "Without a current image score there is nothing to compare the prior with.");
        }

        var current = score.IsPositive ? Assertion.Present : Assertion.Absent;
        var expected = TemporalRules.Compare(prior?.Assertion, current);
        var basis = prior is null
            ? "no prior report mentions it"
            : $"{priorReport!.Reference} ({ReasoningEngine.DateText(priorReport.Date)}) says {ReasoningEngine.Word(prior.Assertion)}, the image says {ReasoningEngine.Word(current)}";
        return claimed == expected
            ? (StepVerdict.Supported, $"Expected '{TemporalRules.Word(expected)}': {basis}.")
            : (StepVerdict.Contradicted, $"The step says '{TemporalRules.Word(claimed)}' but {basis}, which is '{TemporalRules.Word(expected)}'.");
    }

    // The current image decides; without a verified image step the latest verified prior report does.
    private static (StepVerdict, string) VerifyConclusion(ReasoningStep step, List<ReasoningStep> verified)
    {
        if (step.Claim is null)
        {
            return (StepVerdict.Unverifiable, "The conclusion makes no claim.");
        }

        var image = verified.FirstOrDefault(s => s.Kind == StepKind.ImageEvidence && s.Claim is not null);
        if (image?.Verdict == StepVerdict.Contradicted)
        {
            return (StepVerdict.Contradicted, $"The conclusion rests on step {image.Index + 1}, which the image score contradicts.");
        }

        var basis = (image?.Verdict == StepVerdict.Supported ? image : null) ?? verified.FirstOrDefault(s => s.Kind == StepKind.PriorReportEvidence && s.Verdict == StepVerdict.Supported && s.Claim is not null);
        if (basis is null)
        {
            return (StepVerdict.Unverifiable, "No supported evidence step to conclude from.");
        }

        return basis.Claim == step.Claim
            ? (StepVerdict.Supported, $"Follows from step {basis.Index + 1} ({basis.Kind}), which is supported.")
            : (StepVerdict.Contradicted, $"Step {basis.Index} ({basis.Kind}) supports {ReasoningEngine.Word(basis.Claim!.Value)}, not {ReasoningEngine.Word(step.Claim.Value)}.");
    }

    private static string F(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none";
}
