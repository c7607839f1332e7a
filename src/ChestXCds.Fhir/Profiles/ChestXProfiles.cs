namespace ChestXCds.Fhir.Profiles;

/// <summary>
/// Canonical URLs of the project's StructureDefinitions (fhir-profiles/input/fsh, compiled by SUSHI into
/// fhir-profiles/fsh-generated/resources). Keep in step with sushi-config.yaml's canonical.
/// </summary>
public static class ChestXProfiles
{
    /// <summary>sushi-config.yaml <c>canonical</c>.</summary>
    public const string Canonical = "http://chestxcds.org/fhir";

    public const string AnalysisObservation = Canonical + "/StructureDefinition/chestx-analysis-observation";

    public const string FindingObservation = Canonical + "/StructureDefinition/chestx-finding-observation";

    public const string ReasoningStepObservation = Canonical + "/StructureDefinition/chestx-reasoning-step-observation";

    public const string AIDevice = Canonical + "/StructureDefinition/chestx-ai-device";

    public const string ModelCardDocument = Canonical + "/StructureDefinition/chestx-model-card-document";

    public const string AIProvenance = Canonical + "/StructureDefinition/chestx-ai-provenance";

    /// <summary>Complex extension on the reasoning-step Observation: one piece of evidence.</summary>
    public const string StepEvidenceExtension = Canonical + "/StructureDefinition/chestx-step-evidence";

    /// <summary>Extension on the Device: reference to the model card DocumentReference.</summary>
    public const string ModelCardExtension = Canonical + "/StructureDefinition/chestx-model-card";

    /// <summary>Extension on the Device: where the model ran (CUDA, CPU, KServe).</summary>
    public const string ExecutionProviderExtension = Canonical + "/StructureDefinition/chestx-execution-provider";
}
