namespace ChestXCds.Inference.Manifests;

/// <summary>The weights file and its expected hash.</summary>
/// <param name="Path">Relative to the models root (CHESTX_MODELS), or absolute.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file; checked at load.</param>
public sealed record ManifestWeights(string Path, string Sha256);
