using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>
/// The FHIR resources for one analysis, as one CDS Hooks suggestion carries them. Ids are fresh UUIDs, and the
/// resources point at each other by "Type/id" (hasMember, device, Provenance.target), so the suggestion's create
/// actions must be applied together.
/// </summary>
public sealed class AnalysisResources
{
    public AnalysisResources(
        Observation analysis,
        IReadOnlyList<Observation> findings,
        IReadOnlyList<Observation> steps,
        Device device,
        DocumentReference modelCard,
        Provenance provenance)
    {
        Analysis = analysis;
        Findings = findings;
        Steps = steps;
        Device = device;
        ModelCard = modelCard;
        Provenance = provenance;
    }

    /// <summary>The grouping diagnostic Observation; hasMember lists <see cref="Findings"/> and <see cref="Steps"/>.</summary>
    public Observation Analysis { get; }

    /// <summary>One Observation per finding asserted (present, absent or uncertain).</summary>
    public IReadOnlyList<Observation> Findings { get; }

    /// <summary>One Observation per reasoning step, chain by chain, in step order.</summary>
    public IReadOnlyList<Observation> Steps { get; }

    /// <summary>The model (AIDevice shape).</summary>
    public Device Device { get; }

    /// <summary>The model card (AIModelCard shape), referenced by the Device and the Provenance.</summary>
    public DocumentReference ModelCard { get; }

    /// <summary>The AI Provenance targeting every Observation.</summary>
    public Provenance Provenance { get; }

    /// <summary>
    /// Every resource in create order: a resource comes after the ones it references (model card, Device,
    /// steps, findings, grouping Observation, Provenance).
    /// </summary>
    public IReadOnlyList<Resource> All =>
    [
        ModelCard,
        Device,
        .. Steps,
        .. Findings,
        Analysis,
        Provenance,
    ];

    /// <summary><see cref="All"/> written as FHIR JSON, in the same order.</summary>
    public IReadOnlyList<SerializedResource> Serialize() => All.Select(SerializedResource.From).ToList();
}
