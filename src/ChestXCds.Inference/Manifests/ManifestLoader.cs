using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ChestXCds.Domain;

namespace ChestXCds.Inference.Manifests;

/// <summary>Reads a model manifest, checks it for consistency and checks its weights' SHA-256.</summary>
public static class ManifestLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] ResizeFilters = ["bilinear", "area"];

    /// <summary>Reads and validates the manifest at <paramref name="path"/>; throws <see cref="ModelLoadException"/> naming the problem.</summary>
    public static ModelManifest Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"Model manifest '{path}' could not be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates manifest JSON; <paramref name="sourcePath"/> is used in messages.</summary>
    public static ModelManifest Parse(string json, string sourcePath)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException($"Model manifest '{sourcePath}' is not a valid manifest: {ex.Message}", ex);
        }

        if (manifest is null)
        {
            throw new ModelLoadException($"Model manifest '{sourcePath}' is empty.");
        }

        var problems = Validate(manifest).ToList();
        if (problems.Count > 0)
        {
            throw new ModelLoadException($"Model manifest '{sourcePath}' is invalid: {string.Join("; ", problems)}.");
        }

        return manifest with { SourcePath = Path.GetFullPath(sourcePath) };
    }

    /// <summary>
    /// Resolves the weights against <paramref name="modelsRoot"/> and checks their SHA-256; a missing
    /// file or a mismatch refuses the model with a message naming both hashes.
    /// </summary>
    /// <returns>The absolute path of the verified weights.</returns>
    public static string VerifyWeights(ModelManifest manifest, string modelsRoot)
    {
        var path = ModelPaths.ResolveWeights(manifest.Weights.Path, modelsRoot);
        if (!File.Exists(path))
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': weights file '{path}' does not exist (models root '{modelsRoot}'; set {ModelPaths.ModelsRootVariable} or Inference:ModelsRoot).");
        }

        string actual;
        using (var stream = File.OpenRead(path))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (!string.Equals(actual, manifest.Weights.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': weights file '{path}' has SHA-256 {actual}, but the manifest expects {manifest.Weights.Sha256}. Refusing to load weights that are not the ones the manifest describes.");
        }

        return path;
    }

    private static IEnumerable<string> Validate(ModelManifest m)
    {
        if (m.SchemaVersion != 1)
        {
            yield return $"schemaVersion {m.SchemaVersion} is not supported (only 1)";
        }

        if (string.IsNullOrWhiteSpace(m.Name))
        {
            yield return "name is empty";
        }

        if (string.IsNullOrWhiteSpace(m.Version))
        {
            yield return "version is empty";
        }

        if (string.IsNullOrWhiteSpace(m.Weights.Path))
        {
            yield return "weights.path is empty";
        }

        if (m.Weights.Sha256 is null || m.Weights.Sha256.Length != 64 || !m.Weights.Sha256.All(Uri.IsHexDigit))
        {
            yield return "weights.sha256 must be 64 hex digits";
        }

        foreach (var problem in ValidateTensor("input", m.Input, 4).Concat(ValidateTensor("output", m.Output, 2)))
        {
            yield return problem;
        }

        var p = m.Preprocessing;
        if (p.Width <= 0 || p.Height <= 0 || p.ResizeWidth < p.Width || p.ResizeHeight < p.Height)
        {
            yield return "preprocessing sizes must be positive and resize sizes at least the output size";
        }

        if (!ResizeFilters.Contains(p.Resize, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"preprocessing.resize '{p.Resize}' is not one of {string.Join(", ", ResizeFilters)}";
        }

        if (p.Channels is not (1 or 3) || p.Mean is null || p.Std is null || p.Mean.Count != p.Channels || p.Std.Count != p.Channels)
        {
            yield return "preprocessing needs 1 or 3 channels and one mean and one std per channel";
        }
        else if (p.Std.Any(s => s <= 0))
        {
            yield return "preprocessing.std values must be positive";
        }

        if (m.Input.Shape.Count == 4 && (m.Input.Shape[1] != p.Channels || m.Input.Shape[2] != p.Height || m.Input.Shape[3] != p.Width))
        {
            yield return $"input shape [{Dims(m.Input.Shape)}] does not match the preprocessing output {p.Channels}x{p.Height}x{p.Width}";
        }

        if (m.Labels is null || m.Labels.Count == 0)
        {
            yield return "labels are empty";
            yield break;
        }

        if (m.Output.Shape.Count == 2 && m.Output.Shape[1] != m.Labels.Count)
        {
            yield return $"output shape [{Dims(m.Output.Shape)}] has {m.Output.Shape[1]} classes but {m.Labels.Count} labels are listed";
        }

        if (!m.Labels.Select(l => l.Index).Order().SequenceEqual(Enumerable.Range(0, m.Labels.Count)))
        {
            yield return $"label indexes must be 0..{m.Labels.Count - 1}, each once";
        }

        foreach (var label in m.Labels)
        {
            if (!FindingCatalog.TryGet(label.FindingId ?? string.Empty, out _))
            {
                yield return $"label '{label.Name}' maps to finding '{label.FindingId}', which is not in the finding catalog";
            }

            if (label.Threshold is < 0 or > 1 || double.IsNaN(label.Threshold))
            {
                yield return $"label '{label.Name}' threshold {label.Threshold.ToString(CultureInfo.InvariantCulture)} is not a probability in [0,1]";
            }
        }
    }

    private static IEnumerable<string> ValidateTensor(string role, ManifestTensor? tensor, int rank)
    {
        if (tensor is null || string.IsNullOrWhiteSpace(tensor.Name))
        {
            yield return $"{role}.name is empty";
            yield break;
        }

        if (!string.Equals(tensor.Datatype, "FP32", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{role}.datatype '{tensor.Datatype}' is not supported (only FP32)";
        }

        if (tensor.Shape is null || tensor.Shape.Count != rank || tensor.Shape.Skip(1).Any(d => d <= 0))
        {
            yield return $"{role}.shape must have {rank} dimensions: a batch dimension (-1 when dynamic) then positive sizes";
        }
    }

    internal static string Dims(IEnumerable<long> shape) => string.Join(",", shape);
}
