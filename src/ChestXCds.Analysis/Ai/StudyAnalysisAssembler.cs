using ChestXCds.Analysis.Studies;
using ChestXCds.Domain;
using ChestXCds.Reasoning.Chains;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// Joins the cached image findings with the patient's prior reports: mines the reports, builds one
/// reasoning chain per scored finding and verifies every step (Reasoning is pure and takes well under a
/// millisecond a report, so this is redone per hook with the reports the hook has).
/// </summary>
public sealed class StudyAnalysisAssembler(IReasoningEngine reasoning, IOptionsMonitor<AiAnalysisOptions> options)
{
    public StudyAnalysis Assemble(ImageFindings findings, ChestStudy study, IEnumerable<DiagnosticReport> reports)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Assemble(findings, PriorReportCollector.Before(reports, study.Started, options.CurrentValue.MaxPriorReports));
    }

    /// <summary>The same, with the prior reports already collected (<see cref="PriorReportCollector.Before"/>).</summary>
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
