using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Validation;

/// <summary>Validates FHIR R4 resources against the base specification and the project's profiles (fhir-profiles/).</summary>
public interface IFhirResourceValidator
{
    /// <summary>Validates one resource against its type and every profile in its meta.profile.</summary>
    FhirValidationResult Validate(Resource resource);

    /// <summary>
    /// Parses FHIR JSON and validates it: a Bundle entry by entry (each entry's resource as <see cref="Validate"/> does),
    /// any other resource as one. Parse problems are reported as errors; JSON that is not a FHIR resource gives one
    /// result holding a single fatal issue.
    /// </summary>
    IReadOnlyList<FhirValidationResult> ValidateJson(string json);
}
