namespace ChestXCds.Inference.Manifests;

/// <summary>One model output mapped onto the finding catalog.</summary>
/// <param name="Index">Position in the output tensor's last dimension.</param>
/// <param name="Name">The label as the model's authors spell it.</param>
/// <param name="FindingId">Id in <see cref="Domain.FindingCatalog"/>.</param>
/// <param name="Threshold">Decision threshold on the probability (0..1); positive when probability ≥ threshold.</param>
public sealed record ManifestLabel(int Index, string Name, string FindingId, double Threshold);
