using System.Collections;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;

namespace ChestXCds.Fhir.Validation;

/// <summary>
/// Checks every Coding of a resource against its code system where that system is available offline, whatever the
/// binding strength. Firely's validator checks codes only for required bindings, so an unknown code under an
/// extensible binding (meta.security, Observation.interpretation) or with no binding (components, extensions) would
/// otherwise pass unseen. Outcomes:
/// <list type="bullet">
/// <item>system loadable with complete content, code not in it: error;</item>
/// <item>code known but display differs: warning;</item>
/// <item>a code the project relies on that THO defines after the R4 core copy (<see cref="LaterThoCodes"/>): information;</item>
/// <item>system not available offline (SNOMED CT, UCUM, the AI Transparency IG's code systems): information, not checked.</item>
/// </list>
/// </summary>
internal sealed class CodeSystemMembershipCheck
{
    /// <summary>
    /// v3-ObservationValue#AIAST was added to HL7 Terminology (THO) in 2023; the copy in the R4 core package
    /// (2018-08-12) predates it. STANDARDS.md and the AI Transparency on FHIR IG require it.
    /// </summary>
    private static readonly HashSet<(string System, string Code)> LaterThoCodes =
    [
        ("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "AIAST"),
    ];

    private readonly IResourceResolver _resolver;
    private readonly Dictionary<string, CodeSystem?> _systems = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CodeSystemMembershipCheck(IResourceResolver resolver) => _resolver = resolver;

    public IEnumerable<FhirValidationIssue> Check(Resource resource)
    {
        var issues = new List<FhirValidationIssue>();
        var notChecked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, coding) in Codings(resource, resource.TypeName))
        {
            if (string.IsNullOrEmpty(coding.System) || string.IsNullOrEmpty(coding.Code))
            {
                continue;
            }

            if (LaterThoCodes.Contains((coding.System, coding.Code)))
            {
                continue;
            }

            var system = Resolve(coding.System);
            if (system is null || system.Content != CodeSystemContentMode.Complete)
            {
                notChecked.Add(coding.System);
                continue;
            }

            var concept = Find(system.Concept, coding.Code, system.CaseSensitive ?? true);
            if (concept is null)
            {
                issues.Add(new FhirValidationIssue(
                    FhirIssueSeverity.Error,
                    "code-invalid",
                    $"Code '{coding.Code}' does not exist in code system '{coding.System}' (version {system.Version ?? "unknown"}).",
                    path));
            }
            else if (coding.Display is not null && concept.Display is not null && !string.Equals(coding.Display, concept.Display, StringComparison.OrdinalIgnoreCase))
            {
                issues.Add(new FhirValidationIssue(
                    FhirIssueSeverity.Warning,
                    "code-invalid",
                    $"Display '{coding.Display}' for code '{coding.Code}' differs from the code system's '{concept.Display}'.",
                    path));
            }
        }

        issues.AddRange(notChecked.Select(s => new FhirValidationIssue(
            FhirIssueSeverity.Information,
            "not-supported",
            $"Code system '{s}' is not available offline; its codes were not checked for existence.",
            null)));
        return issues;
    }

    private CodeSystem? Resolve(string system)
    {
        lock (_gate)
        {
            if (!_systems.TryGetValue(system, out var found))
            {
                found = _resolver.TryResolveByCanonicalUri(system).Value as CodeSystem;
                _systems[system] = found;
            }

            return found;
        }
    }

    private static CodeSystem.ConceptDefinitionComponent? Find(IEnumerable<CodeSystem.ConceptDefinitionComponent> concepts, string code, bool caseSensitive)
    {
        foreach (var concept in concepts)
        {
            if (string.Equals(concept.Code, code, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                return concept;
            }

            if (Find(concept.Concept, code, caseSensitive) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static IEnumerable<(string Path, Coding Coding)> Codings(Base node, string path)
    {
        if (node is Coding coding)
        {
            yield return (path, coding);
            yield break;
        }

        foreach (var (name, value) in node.EnumerateElements())
        {
            if (value is Base child)
            {
                foreach (var found in Codings(child, $"{path}.{name}"))
                {
                    yield return found;
                }
            }
            else if (value is IEnumerable list and not string)
            {
                var i = 0;
                foreach (var item in list.OfType<Base>())
                {
                    foreach (var found in Codings(item, $"{path}.{name}[{i}]"))
                    {
                        yield return found;
                    }

                    i++;
                }
            }
        }
    }
}
