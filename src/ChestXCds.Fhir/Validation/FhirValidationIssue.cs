namespace ChestXCds.Fhir.Validation;

/// <summary>One issue the validator raised.</summary>
/// <param name="Severity">fatal, error, warning or information (OperationOutcome.issue.severity).</param>
/// <param name="Code">OperationOutcome.issue.code, e.g. "invalid", "structure", "code-invalid".</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Location">FHIRPath of the element at fault, when known.</param>
public sealed record FhirValidationIssue(FhirIssueSeverity Severity, string Code, string Message, string? Location)
{
    public bool IsError => Severity is FhirIssueSeverity.Fatal or FhirIssueSeverity.Error;

    public override string ToString() => Location is null
        ? $"{Severity.ToString().ToLowerInvariant()} [{Code}] {Message}"
        : $"{Severity.ToString().ToLowerInvariant()} [{Code}] {Location}: {Message}";
}
