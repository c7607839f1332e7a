using System.Globalization;
using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Reasoning.Chains;

/// <summary>
/// Composes the chain a radiologist follows (ChestX-Reasoner): plan from the finding's knowledge file,
/// image evidence (score against threshold), prior-report evidence (quoted sentence, date, assertion),
/// temporal comparison and conclusion; then has every step verified.
/// </summary>
public sealed class ReasoningEngine : IReasoningEngine
{
    private readonly IReportFindingExtractor extractor;
    private readonly IStepVerifier verifier;
    private readonly KnowledgeBase knowledge;
    private readonly ReasoningOptions options;
    private readonly ILogger<ReasoningEngine> logger;

    public ReasoningEngine(
        IReportFindingExtractor extractor,
        IStepVerifier verifier,
        IOptions<ReasoningOptions> options,
        ILogger<ReasoningEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.extractor = extractor;
        this.verifier = verifier;
        this.options = options.Value;
        this.logger = logger;
        knowledge = KnowledgeBase.Default;
    }

    public IReadOnlyList<ReasoningChain> Reason(
        IReadOnlyList<FindingScore> scores,
        IReadOnlyList<PriorReport> priorReports,
        IReadOnlyList<string>? findingIds = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(priorReports);
        var context = new VerificationContext(extractor, scores, priorReports);
        var ids = findingIds ?? scores.Select(s => s.FindingId).ToList();
        var chains = new List<ReasoningChain>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var chain = Build(id, context);
            chains.Add(verifier.Verify(chain, context));
        }

        Log.ChainsBuilt(logger, chains.Count, priorReports.Count);
        return chains;
    }

    private ReasoningChain Build(string findingId, VerificationContext context)
    {
        var display = Display(findingId);
        var know = knowledge.Get(findingId);
        var steps = new List<ReasoningStep>();

        var plan = know.Signs.Count > 0
            ? $"To answer \"{know.Question}\", look for: {string.Join("; ", know.Signs)}; then compare with prior reports."
            : $"To answer \"{know.Question}\", weigh the image evidence and compare with prior reports.";
        steps.Add(new ReasoningStep(0, StepKind.Plan, findingId, plan, null,
            [new Evidence(EvidenceKind.Knowledge, $"Knowledge file for {display}", Source: know.Source.Length > 0 ? know.Source : null)]));

        var score = context.ScoreFor(findingId);
        Assertion? current = null;
        if (score is not null)
        {
            current = score.IsPositive ? Assertion.Present : Assertion.Absent;
            var relation = score.IsPositive ? "at or above" : "below";
            steps.Add(new ReasoningStep(steps.Count, StepKind.ImageEvidence, findingId,
                $"The image model scores {display} at {F(score.Probability)}, {relation} its threshold of {F(score.Threshold)}: the image suggests {display} is {Word(current.Value)}.",
                current,
                [new Evidence(EvidenceKind.ImageScore, $"{findingId} probability {F(score.Probability)}, threshold {F(score.Threshold)}", Source: "model", Score: score.Probability, Threshold: score.Threshold)]));
        }
        else
        {
            steps.Add(new ReasoningStep(steps.Count, StepKind.ImageEvidence, findingId,
                $"The image model gives no score for {display}.", null, []));
        }

        var priorSteps = PriorSteps(findingId, display, context, steps.Count);
        steps.AddRange(priorSteps);
        var latestPrior = priorSteps.FirstOrDefault(s => s.Claim is not null);

        var change = current is null ? TemporalChange.Unknown : TemporalRules.Compare(latestPrior?.Claim, current.Value);
        var temporalText = change == TemporalChange.Unknown
            ? $"Temporal comparison: {TemporalRules.Word(change)}; no dated prior assertion about {display} to compare with."
            : $"Temporal comparison: compared with the prior report of {DateText(latestPrior!.Evidence[0].Date)}, where {display} was {Word(latestPrior.Claim!.Value)}, {display} is {TemporalRules.Word(change)}.";
        var temporalEvidence = new List<Evidence>();
        if (latestPrior is not null)
        {
            temporalEvidence.Add(new Evidence(EvidenceKind.Step, $"step {latestPrior.Index + 1}", Source: latestPrior.Evidence[0].Source, Date: latestPrior.Evidence[0].Date, Assertion: latestPrior.Claim));
        }

        if (current is not null)
        {
            temporalEvidence.Add(new Evidence(EvidenceKind.Step, "step 1", Source: "model", Assertion: current));
        }

        steps.Add(new ReasoningStep(steps.Count, StepKind.TemporalComparison, findingId, temporalText, current, temporalEvidence));

        var answer = current ?? latestPrior?.Claim ?? Assertion.Uncertain;
        var confidence = Confidence(score, answer, latestPrior?.Claim);
        var since = change is TemporalChange.New or TemporalChange.Resolved && latestPrior is not null
            ? $", {TemporalRules.Word(change)} since {DateText(latestPrior.Evidence[0].Date)}"
            : string.Empty;
        steps.Add(new ReasoningStep(steps.Count, StepKind.Conclusion, findingId,
            $"Conclusion: {display} is {Word(answer)}{since} (confidence {F(confidence)}).",
            answer,
            [.. steps.Where(s => s.Kind is StepKind.ImageEvidence or StepKind.PriorReportEvidence or StepKind.TemporalComparison)
                .Select(s => new Evidence(EvidenceKind.Step, $"step {s.Index + 1}", Assertion: s.Claim))]));

        return new ReasoningChain(know.Question, findingId, steps, answer, confidence, change);
    }

    private List<ReasoningStep> PriorSteps(string findingId, string display, VerificationContext context, int firstIndex)
    {
        var steps = new List<ReasoningStep>();
        foreach (var prior in context.PriorReports)
        {
            if (steps.Count >= options.MaxPriorReportsPerChain)
            {
                break;
            }

            var mention = VerificationContext.Deciding(context.FindingsOf(prior), findingId);
            if (mention is null)
            {
                continue;
            }

            steps.Add(new ReasoningStep(firstIndex + steps.Count, StepKind.PriorReportEvidence, findingId,
                $"The prior report of {DateText(prior.Date)} states \"{mention.Sentence}\": {display} {Word(mention.Assertion)}.",
                mention.Assertion,
                [new Evidence(EvidenceKind.ReportSentence, $"{prior.Reference} ({mention.Section})", Source: prior.Reference, Quote: mention.Sentence,
                    Span: mention.SentenceSpan, Date: prior.Date, Assertion: mention.Assertion)]));
        }

        if (steps.Count == 0 && context.PriorReports.Count > 0)
        {
            steps.Add(new ReasoningStep(firstIndex, StepKind.PriorReportEvidence, findingId,
                $"None of the {context.PriorReports.Count} prior reports mentions {display}.",
                null,
                [.. context.PriorReports.Select(p => new Evidence(EvidenceKind.ReportSentence, $"{p.Reference}: no mention", Source: p.Reference, Date: p.Date))]));
        }

        return steps;
    }

    // Distance of the score from the threshold, scaled to 0.5..1, nudged by agreement with the latest prior.
    private double Confidence(FindingScore? score, Assertion answer, Assertion? prior)
    {
        if (score is null)
        {
            return prior is null ? 0 : 0.5;
        }

        var margin = score.IsPositive
            ? (score.Probability - score.Threshold) / Math.Max(1e-9, 1 - score.Threshold)
            : (score.Threshold - score.Probability) / Math.Max(1e-9, score.Threshold);
        var confidence = 0.5 + (0.5 * Math.Clamp(margin, 0, 1));
        if (prior is not null)
        {
            confidence += prior == answer ? options.PriorAgreementWeight : -options.PriorAgreementWeight;
        }

        return Math.Round(Math.Clamp(confidence, 0, 0.99), 3);
    }

    internal static string Display(string findingId) =>
        FindingCatalog.TryGet(findingId, out var d) ? d.Display.ToLowerInvariant()
        : ReportFindingExtractor.TryGetConcept(findingId, out var c) ? c.Display
        : findingId;

    internal static string Word(Assertion assertion) => assertion switch
    {
        Assertion.Present => "present",
        Assertion.Absent => "absent",
        _ => "uncertain",
    };

    internal static string DateText(DateTimeOffset? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown date";

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
