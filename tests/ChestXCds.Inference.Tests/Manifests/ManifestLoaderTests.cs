using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.Domain;
using ChestXCds.Inference.Manifests;
using ChestXCds.Testing;

namespace ChestXCds.Inference.Tests.Manifests;

public class ManifestLoaderTests
{
    // REQ-INF-01: every shipped manifest loads, maps onto the catalog and matches its weights.
    [Theory]
    [InlineData("nih-multilabel", OutputActivation.Sigmoid, 4)]
    [InlineData("squeezenet-pneumonia", OutputActivation.Softmax, 3)]
    public void GivenShippedManifest_WhenLoaded_ThenItIsConsistentAndItsWeightsVerify(string name, OutputActivation activation, int labels)
    {
        var manifest = TestManifests.Load(name);

        Assert.Equal(name, manifest.Name);
        Assert.Equal(activation, manifest.Activation);
        Assert.Equal(labels, manifest.Labels.Count);
        Assert.All(manifest.Labels, l => Assert.True(FindingCatalog.TryGet(l.FindingId, out _)));
        var weights = ManifestLoader.VerifyWeights(manifest, VerifySet.ModelsRoot);
        Assert.Equal(TestPaths.SharedFile("models", name, "model.onnx"), weights);
        Assert.False(string.IsNullOrWhiteSpace(manifest.ModelCard.NotFor));
    }

    [Fact]
    public void GivenNihManifest_WhenReadingThresholdsAndLabels_ThenTheyAreTheModelCardsValidationThresholds()
    {
        var manifest = TestManifests.Load("nih-multilabel");
        using var reference = JsonDocument.Parse(File.ReadAllText(TestPaths.SharedFile("models", "nih-multilabel", "verify", "torch_reference.json")));
        var thresholds = reference.RootElement.GetProperty("thresholds_probability");
        var names = reference.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(names, manifest.Labels.OrderBy(l => l.Index).Select(l => l.Name));
        Assert.All(manifest.Labels, l => Assert.Equal(thresholds.GetProperty(l.Name).GetDouble(), l.Threshold, 12));
    }

    // REQ-INF-02: the manifest yields the PreprocessingSpec the Imaging pipeline applies.
    [Fact]
    public void GivenManifest_WhenAskedForPreprocessing_ThenTheSpecIsPillowBilinear224ImageNetNormalised()
    {
        var spec = TestManifests.Load("squeezenet-pneumonia").ToPreprocessingSpec();

        Assert.Equal((224, 224, 224, 224, "bilinear", 3), (spec.Width, spec.Height, spec.ResizeWidth, spec.ResizeHeight, spec.Resize, spec.Channels));
        Assert.Equal(1.0 / 255, spec.Scale, 15);
        Assert.Equal([0.485, 0.456, 0.406], spec.Mean);
        Assert.Equal([0.229, 0.224, 0.225], spec.Std);
    }

    [Fact]
    public void GivenManifest_WhenAskedForDescriptor_ThenItCarriesVersionProviderHashAndCardSummary()
    {
        var manifest = TestManifests.Load("nih-multilabel");

        var descriptor = manifest.ToDescriptor("CPU");

        Assert.Equal(new ModelDescriptor("nih-multilabel", "1.0.0", "CPU", manifest.Weights.Sha256, manifest.ModelCard.Summary), descriptor);
        Assert.Contains("not for clinical use", descriptor.ModelCardSummary, StringComparison.OrdinalIgnoreCase);
    }

    // REQ-INF-01: an inconsistent manifest is refused with a message naming the problem.
    [Theory]
    [InlineData("labels/0/findingId", "\"Not_A_Finding\"", "not in the finding catalog")]
    [InlineData("labels/0/threshold", "1.5", "is not a probability")]
    [InlineData("labels/1/index", "0", "label indexes must be")]
    [InlineData("output/shape", "[-1, 7]", "has 7 classes but 4 labels")]
    [InlineData("input/shape", "[-1, 3, 256, 256]", "does not match the preprocessing")]
    [InlineData("input/datatype", "\"FP16\"", "only FP32")]
    [InlineData("weights/sha256", "\"abc\"", "64 hex digits")]
    [InlineData("preprocessing/resize", "\"nearest\"", "is not one of")]
    [InlineData("activation", "\"relu\"", "not a valid manifest")]
    public void GivenInconsistentManifest_WhenParsed_ThenModelLoadExceptionNamesTheProblem(string pointer, string valueJson, string expected)
    {
        var json = JsonNode.Parse(TestManifests.Json("nih-multilabel"))!;
        var parts = pointer.Split('/');
        JsonNode parent = json;
        foreach (var part in parts[..^1])
        {
            parent = int.TryParse(part, out var i) ? parent[i]! : parent[part]!;
        }

        parent[parts[^1]] = JsonNode.Parse(valueJson);

        var ex = Assert.Throws<ModelLoadException>(() => ManifestLoader.Parse(json.ToJsonString(), "bad.json"));

        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"name\":\"x\"}")]
    [InlineData("null")]
    public void GivenMalformedManifest_WhenParsed_ThenModelLoadException(string text)
    {
        var ex = Assert.Throws<ModelLoadException>(() => ManifestLoader.Parse(text, "m.json"));

        Assert.Contains("m.json", ex.Message, StringComparison.Ordinal);
    }
}
