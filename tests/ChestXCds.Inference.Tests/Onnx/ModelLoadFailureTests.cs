using System.Text.Json.Nodes;
using ChestXCds.Inference.Manifests;
using ChestXCds.Inference.Onnx;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Inference.Tests.Onnx;

// REQ-INF-05: a corrupt model, a wrong checksum, a missing weights file and a manifest naming a missing tensor each give a clear error.
public sealed class ModelLoadFailureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void GivenWeightsWithAnotherHash_WhenLoading_ThenRefusedNamingBothHashes()
    {
        var manifest = TestManifests.Load("squeezenet-pneumonia") with
        {
            Weights = new ManifestWeights("squeezenet-pneumonia/model.onnx", new string('0', 64)),
        };

        var ex = Assert.Throws<ModelLoadException>(() => new OnnxInferenceBackend(manifest, VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance));

        Assert.Contains("1983422c39e77c81ce03d35c925f418ec08c7b90948a4460cdfc7e3cf51280e2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(new string('0', 64), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExecutionProvider.Cpu)]
    [InlineData(ExecutionProvider.Auto)]
    public void GivenCorruptModelFileWithMatchingHash_WhenLoading_ThenRefusedAsNotAnOnnxModel(ExecutionProvider provider)
    {
        var bytes = File.ReadAllBytes(Path.Combine(VerifySet.ModelsRoot, "squeezenet-pneumonia", "model.onnx"))[..4096];
        File.WriteAllBytes(_dir.File("model.onnx"), bytes);
        var manifest = TestManifests.Load("squeezenet-pneumonia") with
        {
            Weights = new ManifestWeights("model.onnx", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))),
        };

        var ex = Assert.Throws<ModelLoadException>(() => new OnnxInferenceBackend(manifest, _dir.Path, provider, 0, NullLogger.Instance));

        Assert.Contains("could not be loaded as an ONNX model", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.File("model.onnx"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMissingWeightsFile_WhenLoading_ThenTheMessageNamesThePathAndChestxModels()
    {
        var manifest = TestManifests.Load("nih-multilabel");

        var ex = Assert.Throws<ModelLoadException>(() => new OnnxInferenceBackend(manifest, _dir.Path, ExecutionProvider.Cpu, 0, NullLogger.Instance));

        Assert.Contains(_dir.File("nih-multilabel/model.onnx"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("CHESTX_MODELS", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input", "pixels", "the manifest names input tensor 'pixels', but the model's inputs are 'image'")]
    [InlineData("output", "probs", "the manifest names output tensor 'probs', but the model's outputs are 'logits'")]
    public void GivenManifestNamingMissingTensor_WhenLoading_ThenTheMessageListsTheModelsTensors(string role, string name, string expected)
    {
        var json = JsonNode.Parse(TestManifests.Json("nih-multilabel"))!;
        json[role]!["name"] = name;
        var manifest = ManifestLoader.Parse(json.ToJsonString(), "renamed.json");

        var ex = Assert.Throws<ModelLoadException>(() => new OnnxInferenceBackend(manifest, VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenManifestForAnotherModelsWeights_WhenLoading_ThenTheOutputShapeMismatchIsNamed()
    {
        // squeezenet-pneumonia has 3 outputs; a 4-label manifest pointing at its weights (right hash) must not load.
        var pneumonia = TestManifests.Load("squeezenet-pneumonia");
        var manifest = TestManifests.Load("nih-multilabel") with { Weights = pneumonia.Weights };

        var ex = Assert.Throws<ModelLoadException>(() => new OnnxInferenceBackend(manifest, VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance));

        Assert.Contains("output tensor 'logits' has shape [-1,3]", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
