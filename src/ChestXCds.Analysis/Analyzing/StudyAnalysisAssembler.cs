using ChestXCds.Domain;
using ChestXCds.Reasoning.Chains;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// The Reason stage: joins the image findings with the patient's prior reports, mines the reports, builds one
/// reasoning chain per scored finding and verifies every step. Reasoning is pure and takes well under a
/// millisecond a report.
/// </summary>
public sealed class StudyAnalysisAssembler(IReasoningEngine reasoning)
{
    public StudyAnalysis Assemble(ImageFindings findings, IReadOnlyList<PriorReport> priors)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(priors);
        var chains = reasoning.Reason(findings.Scores, priors);
        var usedAsEvidence = chains
            .SelectMany(c => c.Steps)
            .SelectMany(s => s.Evidence)
            .Where(e => e.Kind == EvidenceKind.ReportSentence && e.Source is not null && e.Source.StartsWith("DiagnosticReport/", StringComparison.Ordinal))
            .Select(e => e.Source!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new StudyAnalysis(findings.StudyInstanceUid, findings.SopInstanceUid, findings.Model, findings.Scores, chains, usedAsEvidence, findings.AnalyzedAt);
    }
}
