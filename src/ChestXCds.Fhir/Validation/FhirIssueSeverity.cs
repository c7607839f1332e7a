namespace ChestXCds.Fhir.Validation;

/// <summary>OperationOutcome.issue.severity.</summary>
public enum FhirIssueSeverity
{
    Fatal,
    Error,
    Warning,
    Information,
}
