namespace ChestXCds.Domain;

/// <summary>Identifies the model that produced scores, for provenance and cache keys.</summary>
/// <param name="Name">Manifest name, e.g. "nih-multilabel".</param>
/// <param name="Version">Manifest version.</param>
/// <param name="Provider">Execution provider actually in use (CUDA, CPU, KServe).</param>
/// <param name="Sha256">Hash of the weights file.</param>
/// <param name="ModelCardSummary">Short, honest statement of what the model is and is not for.</param>
public sealed record ModelDescriptor(string Name, string Version, string Provider, string? Sha256, string ModelCardSummary);
