namespace ChestXCds.Domain.Records;

/// <summary>DiagnosticReport.status (FHIR R4 value set diagnostic-report-status).</summary>
public enum ReportStatus
{
    Unknown,
    Registered,
    Partial,
    Preliminary,
    Final,
    Amended,
    Corrected,
    Appended,
    Cancelled,
    EnteredInError,
}
