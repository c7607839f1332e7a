using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Verification;

/// <summary>
/// The evidence steps are checked against: the image model's scores, the prior reports (extracted once
/// and cached) and, optionally, the current study's own report text (e.g. for RadRBench samples).
/// </summary>
public sealed class VerificationContext
{
    private static readonly HashSet<string> NotFindingsSections = new(StringComparer.Ordinal) { "indication", "comparison", "technique" };

    private readonly IReportFindingExtractor extractor;
    private readonly Dictionary<string, IReadOnlyList<ReportFinding>> cache = new(StringComparer.Ordinal);

    public VerificationContext(
        IReportFindingExtractor extractor,
        IReadOnlyList<FindingScore> scores,
        IReadOnlyList<PriorReport> priorReports,
        string? currentReport = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(priorReports);
        this.extractor = extractor;
        Scores = scores;
        CurrentReport = currentReport;

        // Most recent first; undated reports last, in the order given.
        PriorReports = priorReports
            .Select((r, i) => (r, i))
            .OrderByDescending(x => x.r.Date.HasValue)
            .ThenByDescending(x => x.r.Date)
            .ThenBy(x => x.i)
            .Select(x => x.r)
            .ToList();
    }

    public IReadOnlyList<FindingScore> Scores { get; }

    public IReadOnlyList<PriorReport> PriorReports { get; }

    public string? CurrentReport { get; }

    public FindingScore? ScoreFor(string findingId) =>
        Scores.FirstOrDefault(s => string.Equals(s.FindingId, findingId, StringComparison.OrdinalIgnoreCase));

    public PriorReport? PriorByReference(string? reference) =>
        reference is null ? null : PriorReports.FirstOrDefault(r => string.Equals(r.Reference, reference, StringComparison.Ordinal));

    /// <summary>Observation mentions in the findings/impression of a prior report (cached per reference).</summary>
    public IReadOnlyList<ReportFinding> FindingsOf(PriorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = report.Reference + "\u0000" + report.Text;
        if (!cache.TryGetValue(key, out var findings))
        {
            findings = extractor.ExtractObservations(report.Text).Where(f => !NotFindingsSections.Contains(f.Section)).ToList();
            cache[key] = findings;
        }

        return findings;
    }

    /// <summary>Observation mentions in the current report, when one was given.</summary>
    public IReadOnlyList<ReportFinding> CurrentFindings() =>
        CurrentReport is null ? [] : FindingsOf(new PriorReport("current", null, CurrentReport));

    /// <summary>
    /// The report's assertion about a finding (present over uncertain over absent, as labels aggregate)
    /// and the mention that decides it; null when the report does not mention it.
    /// </summary>
    public static ReportFinding? Deciding(IReadOnlyList<ReportFinding> findings, string findingId)
    {
        ReportFinding? best = null;
        foreach (var f in findings)
        {
            if (!string.Equals(f.FindingId, findingId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (best is null || Rank(f.Assertion) > Rank(best.Assertion))
            {
                best = f;
            }
        }

        return best;
    }

    private static int Rank(Assertion a) => a switch
    {
        Assertion.Present => 2,
        Assertion.Uncertain => 1,
        _ => 0,
    };
}
