using System.Text;
using ChestXCds.Domain.Records;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Translation;

/// <summary>DiagnosticReport → <see cref="ReportRecord"/>: the only place the service reads a report's shape and text.</summary>
public static class ReportRecords
{
    public static ReportRecord From(DiagnosticReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportRecord
        {
            Id = string.IsNullOrWhiteSpace(report.Id) ? null : report.Id,
            Status = Status(report.Status),
            Date = Date(report),
            Issued = report.Issued,
            Conclusion = string.IsNullOrWhiteSpace(report.Conclusion) ? null : report.Conclusion.Trim(),
            PresentedText = PresentedText(report),
            ImagingStudies = report.ImagingStudy.Select(r => r.Reference).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).ToList(),
            BasedOn = report.BasedOn.Select(r => r.Reference).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).ToList(),
        };
    }

    private static ReportStatus Status(DiagnosticReport.DiagnosticReportStatus? status) => status switch
    {
        DiagnosticReport.DiagnosticReportStatus.Registered => ReportStatus.Registered,
        DiagnosticReport.DiagnosticReportStatus.Partial => ReportStatus.Partial,
        DiagnosticReport.DiagnosticReportStatus.Preliminary => ReportStatus.Preliminary,
        DiagnosticReport.DiagnosticReportStatus.Final => ReportStatus.Final,
        DiagnosticReport.DiagnosticReportStatus.Amended => ReportStatus.Amended,
        DiagnosticReport.DiagnosticReportStatus.Corrected => ReportStatus.Corrected,
        DiagnosticReport.DiagnosticReportStatus.Appended => ReportStatus.Appended,
        DiagnosticReport.DiagnosticReportStatus.Cancelled => ReportStatus.Cancelled,
        DiagnosticReport.DiagnosticReportStatus.EnteredInError => ReportStatus.EnteredInError,
        _ => ReportStatus.Unknown,
    };

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

    /// <summary>The first text/plain (or untyped) presented form with data.</summary>
    private static string? PresentedText(DiagnosticReport report)
    {
        foreach (var form in report.PresentedForm)
        {
            if (form.Data is { Length: > 0 } data && (form.ContentType is null || form.ContentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
            {
                return Encoding.UTF8.GetString(data);
            }
        }

        return null;
    }
}
