using System.Text.Json.Serialization;
using ChestXCds.Domain;

namespace ChestXCds.Inference.Manifests;

/// <summary>
/// A model as a hospital brings it: models/&lt;name&gt;.json. The format is described in models/README.md;
/// <see cref="ManifestLoader"/> reads and validates it.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>Manifest format version; only 1 exists.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Stable model name (also the KServe model name by default).</summary>
    public required string Name { get; init; }

    /// <summary>Model version as reported in provenance and readiness.</summary>
    public required string Version { get; init; }

    public required ManifestWeights Weights { get; init; }

    public required ManifestTensor Input { get; init; }

    public required ManifestTensor Output { get; init; }

    /// <summary>How logits become probabilities.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<OutputActivation>))]
    public required OutputActivation Activation { get; init; }

    public required ManifestPreprocessing Preprocessing { get; init; }

    /// <summary>Output index → finding, with the decision threshold in probability space.</summary>
    public required IReadOnlyList<ManifestLabel> Labels { get; init; }

    public required ModelCard ModelCard { get; init; }

    /// <summary>Absolute path of the manifest file this was read from (set by the loader).</summary>
    [JsonIgnore]
    public string SourcePath { get; init; } = string.Empty;

    /// <summary>The preprocessing the Imaging pipeline must apply before <c>ClassifyAsync</c>.</summary>
    public PreprocessingSpec ToPreprocessingSpec() => new(
        Preprocessing.Width,
        Preprocessing.Height,
        Preprocessing.ResizeWidth,
        Preprocessing.ResizeHeight,
        Preprocessing.Resize,
        Preprocessing.Channels,
        Preprocessing.Scale,
        Preprocessing.Mean,
        Preprocessing.Std);

    /// <summary>The provenance descriptor, with the execution provider actually in use.</summary>
    public ModelDescriptor ToDescriptor(string provider) => new(Name, Version, provider, Weights.Sha256, ModelCard.Summary);
}
