using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Hl7.Fhir.Utility;

namespace ChestXCds.Fhir.Validation;

/// <summary>
/// Firely.Fhir.Validation.R4 over the base R4 definitions (Hl7.Fhir.Specification.Data.R4's specification.zip)
/// and the project's profiles, with snapshots generated on demand. Terminology is checked locally
/// (<see cref="OfflineTerminologyService"/> for bindings, <see cref="CodeSystemMembershipCheck"/> for every Coding):
/// code systems the R4 package or the project defines are fully checked; external ones that cannot be loaded
/// offline are reported as not checked, never silently accepted.
/// Building one is expensive (the zip is indexed, schemas are compiled on first use); register it as a singleton.
/// Calls are serialised: validation is off the hook path, and Firely does not document its validator as thread-safe.
/// </summary>
public sealed class FirelyResourceValidator : IFhirResourceValidator
{
    private readonly Validator _validator;
    private readonly CodeSystemMembershipCheck _codes;
    private readonly Lock _gate = new();
    private readonly FhirJsonDeserializer _deserializer =
        new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public FirelyResourceValidator()
    {
        var core = ZipSource.CreateValidationSource();
        var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(ChestXProfileResolver.Create(), core)));
        var asyncResolver = resolver.AsAsync();
        var terminology = new OfflineTerminologyService(new LocalTerminologyService(asyncResolver));
        _validator = new Validator(asyncResolver, terminology);
        _codes = new CodeSystemMembershipCheck(resolver);
    }

    public FhirValidationResult Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Validate(resource, Label(resource), []);
    }

    public IReadOnlyList<FhirValidationResult> ValidateJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (NotAResource(json) is { } problem)
        {
            return [new FhirValidationResult("input", [new FhirValidationIssue(FhirIssueSeverity.Fatal, "structure", problem, null)])];
        }

        Resource? resource;
        IEnumerable<CodedException> parseIssues;
        try
        {
            _deserializer.TryDeserializeResource(json, out resource, out parseIssues);
        }
        catch (DeserializationFailedException ex)
        {
            resource = ex.PartialResult as Resource;
            parseIssues = ex.Exceptions;
        }

        var parse = parseIssues
            .Select(e => new FhirValidationIssue(FhirIssueSeverity.Error, "structure", e.Message, null))
            .ToList();
        if (resource is null)
        {
            return [new FhirValidationResult("input", [new FhirValidationIssue(FhirIssueSeverity.Fatal, "structure", "The JSON could not be read as a FHIR R4 resource.", null), .. parse])];
        }

        if (resource is Bundle bundle && bundle.Entry.Count > 0)
        {
            var results = new List<FhirValidationResult>();
            if (parse.Count > 0)
            {
                results.Add(new FhirValidationResult(Label(bundle), parse));
            }

            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                var entry = bundle.Entry[i].Resource;
                var label = $"Bundle.entry[{i}]";
                results.Add(entry is null
                    ? new FhirValidationResult(label, [new FhirValidationIssue(FhirIssueSeverity.Warning, "required", "The entry holds no resource.", label)])
                    : Validate(entry, $"{label} ({Label(entry)})", []));
            }

            return results;
        }

        return [Validate(resource, Label(resource), parse)];
    }

    private FhirValidationResult Validate(Resource resource, string label, IReadOnlyList<FhirValidationIssue> parseIssues)
    {
        List<FhirValidationIssue> issues;
        lock (_gate)
        {
            var outcome = _validator.Validate(resource);
            issues = parseIssues
                .Concat(outcome.Issue.Select(ToIssue))
                .Concat(_codes.Check(resource))
                .OrderBy(i => i.Severity)
                .ToList();
        }

        return new FhirValidationResult(label, issues);
    }

    private static FhirValidationIssue ToIssue(OperationOutcome.IssueComponent issue) => new(
        issue.Severity switch
        {
            OperationOutcome.IssueSeverity.Fatal => FhirIssueSeverity.Fatal,
            OperationOutcome.IssueSeverity.Error => FhirIssueSeverity.Error,
            OperationOutcome.IssueSeverity.Warning => FhirIssueSeverity.Warning,
            _ => FhirIssueSeverity.Information,
        },
        issue.Code?.GetLiteral() ?? "unknown",
        issue.Details?.Text ?? issue.Diagnostics ?? "(no message)",
        issue.Expression.FirstOrDefault() ?? issue.Location.FirstOrDefault());

    private static string Label(Resource resource) =>
        resource.Id is null ? resource.TypeName : $"{resource.TypeName}/{resource.Id}";

    /// <summary>A message when <paramref name="json"/> is not a JSON object with a resourceType, else null.</summary>
    private static string? NotAResource(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "The JSON is not an object, so it is not a FHIR resource.";
            }

            if (!document.RootElement.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return "The JSON object has no \"resourceType\", so it is not a FHIR resource.";
            }

            return ModelInfo.IsKnownResource(type.GetString() ?? string.Empty)
                ? null
                : $"\"resourceType\": \"{type.GetString()}\" is not a FHIR R4 resource type.";
        }
        catch (JsonException ex)
        {
            return $"The input is not valid JSON: {ex.Message}";
        }
    }
}
