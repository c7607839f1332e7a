using ChestXCds.Domain;
using ChestXCds.Domain.Records;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// The patient's reports that can serve as prior evidence for a study: reports that are not registered-only,
/// cancelled or entered in error, dated before the study started (so the study's own report never grades its own
/// image), newest first.
/// </summary>
public static class PriorReportCollector
{
    public static IReadOnlyList<PriorReport> Before(IEnumerable<ReportRecord> reports, DateTimeOffset studyStarted, int max)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return reports
            .Where(r => r.Reference is not null && !r.Withdrawn && r.Status != ReportStatus.Registered && r.Date < studyStarted && r.EvidenceText is not null)
            .Select(r => new PriorReport(r.Reference!, r.Date, r.EvidenceText!))
            .OrderByDescending(p => p.Date)
            .Take(max)
            .ToList();
    }
}
