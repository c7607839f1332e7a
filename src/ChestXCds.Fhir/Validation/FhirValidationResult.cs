namespace ChestXCds.Fhir.Validation;

/// <summary>The outcome of validating one resource.</summary>
/// <param name="ResourceLabel">What was validated, e.g. "Observation/8c1…" or "Bundle.entry[2] (Provenance)".</param>
/// <param name="Issues">Every issue raised, errors first.</param>
public sealed record FhirValidationResult(string ResourceLabel, IReadOnlyList<FhirValidationIssue> Issues)
{
    public bool IsValid => !Issues.Any(i => i.IsError);

    public IEnumerable<FhirValidationIssue> Errors => Issues.Where(i => i.IsError);
}
