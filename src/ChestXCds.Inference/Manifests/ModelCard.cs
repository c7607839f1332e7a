namespace ChestXCds.Inference.Manifests;

/// <summary>What the model is and is not for, in plain words (the FHIR model-card DocumentReference draws on it).</summary>
/// <param name="Summary">One or two sentences; becomes <see cref="Domain.ModelDescriptor.ModelCardSummary"/>.</param>
/// <param name="Reference">The full card, relative to the models root.</param>
public sealed record ModelCard(
    string Summary,
    string Architecture,
    string TrainingData,
    string Performance,
    string Thresholds,
    string IntendedUse,
    string NotFor,
    string Reference);
