using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Verification;

namespace ChestXCds.Reasoning.Scoring;

/// <summary>
/// RadRScore (ChestX-Reasoner, Fan et al. 2025) made deterministic: key findings (observation, status)
/// come from the report extractor instead of an LLM judge.
/// Completeness = reference key findings the prediction recalls / reference key findings;
/// factuality = predicted key findings consistent with the original report / predicted key findings
/// (an observation the report does not mention counts as normal, as the paper's judge assumed, so claiming it
/// present is wrong while calling it absent, or only possible, is not);
/// effectiveness = predicted reasoning steps holding a key finding the reference also states / predicted
/// reasoning steps (the &lt;think&gt; part, split into sentences).
/// Statuses match when equal, or when one is present and the other uncertain.
/// </summary>
public sealed class RadRScorer
{
    private readonly IReportFindingExtractor extractor;

    public RadRScorer(IReportFindingExtractor extractor) => this.extractor = extractor;

    public IReadOnlySet<KeyFinding> KeyFindings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return extractor.ExtractObservations(text).Select(f => new KeyFinding(f.FindingId, f.Assertion)).ToHashSet();
    }

    public RadRSampleScore Score(RadRSample sample, int index)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (string.IsNullOrWhiteSpace(sample.Prediction))
        {
            return new RadRSampleScore(index, sample.ItemId, null, null, null, null);
        }

        var reference = new HashSet<KeyFinding>();
        foreach (var step in sample.ReferenceSteps)
        {
            reference.UnionWith(KeyFindings(step));
        }

        var parsed = ReasoningTextParser.Parse(sample.Prediction);
        // Steps are the reasoning (the <think> part); the answer's findings still count as predicted findings.
        var predictedSteps = parsed.Steps;
        var stepFindings = predictedSteps.Select(KeyFindings).ToList();
        var predicted = stepFindings.SelectMany(s => s).ToHashSet();
        if (parsed.Answer is not null)
        {
            predicted.UnionWith(KeyFindings(parsed.Answer));
        }

        double? completeness = reference.Count == 0 ? null
            : (double)reference.Count(r => predicted.Any(p => Matches(p, r))) / reference.Count;

        var report = extractor.ExtractObservations(sample.OriginalReport);
        double? factuality = predicted.Count == 0 ? null
            : (double)predicted.Count(p => ConsistentWithReport(p, report)) / predicted.Count;

        // Steps that state no key finding (restating the question, general remarks) are neither effective nor not.
        var findingSteps = stepFindings.Where(s => s.Count > 0).ToList();
        double? effectiveness = findingSteps.Count == 0 ? null
            : (double)findingSteps.Count(s => s.Any(p => reference.Any(r => Matches(p, r)))) / findingSteps.Count;

        double?[] parts = [factuality, completeness, effectiveness];
        var defined = parts.Where(p => p.HasValue).Select(p => p!.Value).ToList();
        return new RadRSampleScore(index, sample.ItemId, factuality, completeness, effectiveness, defined.Count == 0 ? null : defined.Average());
    }

    public RadRScoreSummary ScoreAll(IEnumerable<RadRSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return RadRScoreSummary.Of(samples.Select(Score).ToList());
    }

    private static bool Matches(KeyFinding a, KeyFinding b) =>
        string.Equals(a.ObservationId, b.ObservationId, StringComparison.OrdinalIgnoreCase) && StepVerifier.Compatible(a.Status, b.Status);

    private static bool ConsistentWithReport(KeyFinding finding, IReadOnlyList<ReportFinding> report)
    {
        var deciding = VerificationContext.Deciding(report, finding.ObservationId);
        return deciding is null ? finding.Status != Assertion.Present : StepVerifier.Compatible(finding.Status, deciding.Assertion);
    }
}
