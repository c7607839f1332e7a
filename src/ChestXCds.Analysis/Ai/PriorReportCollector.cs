using System.Text;
using ChestXCds.Domain;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// The patient's reports that can serve as prior evidence for a study: final or amended-type reports
/// dated before the study started (so the study's own report never grades its own image), newest first.
/// </summary>
public static class PriorReportCollector
{
    public static IReadOnlyList<PriorReport> Before(IEnumerable<DiagnosticReport> reports, DateTimeOffset studyStarted, int max)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var priors = new List<PriorReport>();
        foreach (var report in reports)
        {
            if (string.IsNullOrEmpty(report.Id)
                || report.Status is DiagnosticReport.DiagnosticReportStatus.EnteredInError or DiagnosticReport.DiagnosticReportStatus.Cancelled
                    or DiagnosticReport.DiagnosticReportStatus.Registered
                || Date(report) is not { } date || date >= studyStarted
                || Text(report) is not { } text)
            {
                continue;
            }

            priors.Add(new PriorReport($"DiagnosticReport/{report.Id}", date, text));
        }

        return priors.OrderByDescending(p => p.Date).Take(max).ToList();
    }

    private static DateTimeOffset? Date(DiagnosticReport report)
    {
        if (report.Effective is FhirDateTime effective && effective.TryToDateTimeOffset(out var value))
        {
            return value;
        }

        if (report.Effective is Period { Start: { } start } && new FhirDateTime(start).TryToDateTimeOffset(out var periodStart))
        {
            return periodStart;
        }

        return report.Issued;
    }

    /// <summary>The full text/plain presented form when there is one (it keeps the sections), else the conclusion.</summary>
    private static string? Text(DiagnosticReport report)
    {
        foreach (var form in report.PresentedForm)
        {
            if (form.Data is { Length: > 0 } data && (form.ContentType is null || form.ContentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
            {
                return Encoding.UTF8.GetString(data);
            }
        }

        return string.IsNullOrWhiteSpace(report.Conclusion) ? null : "IMPRESSION: " + report.Conclusion;
    }
}
