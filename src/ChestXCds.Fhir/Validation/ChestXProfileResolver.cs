using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;

namespace ChestXCds.Fhir.Validation;

/// <summary>
/// The project's conformance resources (StructureDefinitions, CodeSystems, ValueSets) as SUSHI generated them into
/// fhir-profiles/fsh-generated/resources, embedded in this assembly. SUSHI writes differentials only, so the
/// validator reaches them through a SnapshotSource.
/// </summary>
public static class ChestXProfileResolver
{
    private const string ResourcePrefix = "ChestXCds.Fhir.Profiles.";

    /// <summary>Parses every embedded profile resource.</summary>
    public static IReadOnlyList<Resource> LoadResources()
    {
        var assembly = typeof(ChestXProfileResolver).Assembly;
        var deserializer = new FhirJsonDeserializer();
        var resources = new List<Resource>();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded profile resource '{name}' could not be opened.");
            using var reader = new StreamReader(stream);
            resources.Add(deserializer.DeserializeResource(reader.ReadToEnd()));
        }

        return resources;
    }

    /// <summary>An in-memory resolver over <see cref="LoadResources"/>.</summary>
    public static InMemoryResourceResolver Create() => new(LoadResources());
}
