using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>The AI Provenance (AI Transparency on FHIR's AIProvenance shape) for one analysis.</summary>
internal static class AiProvenanceFactory
{
    public static Provenance Create(IEnumerable<Observation> targets, DateTimeOffset analyzedAt, MappingScope scope)
    {
        var provenance = new Provenance
        {
            Id = scope.NextId(),
            Meta = MappingCodes.Meta(ChestXProfiles.AIProvenance),
            Target = [.. targets.Select(MappingScope.To)],
            Occurred = new FhirDateTime(analyzedAt),
            Recorded = scope.Issued,
            Reason = [new CodeableConcept { Coding = [MappingCodes.AiAsserted()] }],
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept(ChestXTerminology.ProvenanceParticipantType, "author", "Author"),
                    Role = [new CodeableConcept(ChestXTerminology.AIDeviceType, "Artificial-Intelligence", "All kinds of Artificial Intelligence")],
                    Who = scope.Device(),
                },
            ],
            Entity =
            [
                new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = scope.Study() },
                .. scope.EvidenceReports.Select(r => new Provenance.EntityComponent
                {
                    Role = Provenance.ProvenanceEntityRole.Source,
                    What = (ResourceReference)r.DeepCopy(),
                }),
                new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Derivation, What = scope.ModelCard() },
            ],
        };
        if (scope.User is not null)
        {
            // The clinician who signs the order is the one whose acceptance of the suggestion records the results.
            provenance.Agent.Add(new Provenance.AgentComponent
            {
                Type = new CodeableConcept(ChestXTerminology.ProvenanceParticipantType, "enterer", "Enterer"),
                Role = [new CodeableConcept(ChestXTerminology.V3ParticipationType, "ENT", "data entry person")],
                Who = (ResourceReference)scope.User.DeepCopy(),
            });
        }

        return provenance;
    }
}
