namespace ChestXCds.Domain.Records;

/// <summary>
/// What the service needs of a DiagnosticReport, read once by ChestXCds.Fhir (DiagnosticReportReader). Holds
/// report text: never log it.
/// </summary>
public sealed record ReportRecord
{
    /// <summary>The resource id; null when the server sent none.</summary>
    public string? Id { get; init; }

    /// <summary>"DiagnosticReport/{id}", or null without an id.</summary>
    public string? Reference => Id is null ? null : "DiagnosticReport/" + Id;

    public ReportStatus Status { get; init; }

    /// <summary>When the report's study was done: effective[x] (dateTime, or a period's start), else issued.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>DiagnosticReport.issued.</summary>
    public DateTimeOffset? Issued { get; init; }

    /// <summary>DiagnosticReport.conclusion.</summary>
    public string? Conclusion { get; init; }

    /// <summary>The first text/plain presentedForm, decoded as UTF-8 (sections kept); null when there is none.</summary>
    public string? PresentedText { get; init; }

    /// <summary>References of the ImagingStudies the report is about.</summary>
    public IReadOnlyList<string> ImagingStudies { get; init; } = [];

    /// <summary>References of the orders the report fulfils.</summary>
    public IReadOnlyList<string> BasedOn { get; init; } = [];

    /// <summary>A final, amended, corrected or appended report.</summary>
    public bool IsFinal => Status is ReportStatus.Final or ReportStatus.Amended or ReportStatus.Corrected or ReportStatus.Appended;

    /// <summary>Cancelled or entered in error: the report does not count.</summary>
    public bool Withdrawn => Status is ReportStatus.Cancelled or ReportStatus.EnteredInError;

    /// <summary>The text that serves as evidence: the presented form when there is one (it keeps the sections), else the conclusion as an impression.</summary>
    public string? EvidenceText => PresentedText ?? (string.IsNullOrWhiteSpace(Conclusion) ? null : "IMPRESSION: " + Conclusion);
}
