using System.Text.Json;
using ChestXCds.Domain;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Inference;
using ChestXCds.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChestXCds.Cli.Tests;

/// <summary>
/// Decode → pipeline → model, from the shared DICOM files of the three NIH images whose PNG-derived
/// tensors are squeezenet-pneumonia's verify inputs 0-2. The only difference from the reference is
/// preprocessing (GDCM decode + this project's Pillow-bilinear port vs Pillow on the PNG).
/// </summary>
public class EndToEndFromDicomTests(ITestOutputHelper log)
{
    private const int Sample = 3 * 224 * 224;

    public static TheoryData<int, string> Images => new()
    {
        { 0, "derived/nih_00000001_000_cardiomegaly_explicitLE.dcm" },
        { 1, "nih_gcp_1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm" },
        { 2, "derived/nih_00000003_000_hernia_RLE.dcm" },
        { 2, "derived/nih_00000003_000_hernia_12bit_MONOCHROME1_explicitLE.dcm" },
    };

    // REQ-INF-12: the DICOM path gives the PyTorch softmax of the reference images within 1e-3.
    [Theory]
    [MemberData(nameof(Images))]
    public async Task GivenNihDicom_WhenDecodedPreprocessedAndClassified_ThenSoftmaxMatchesTorchReference(int index, string file)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inference:Manifest"] = "squeezenet-pneumonia",
            ["Inference:ModelsRoot"] = TestPaths.SharedFile("models"),
            ["Inference:ExecutionProvider"] = "Cpu",
        }).Build();
        await using var services = new ServiceCollection().AddChestXInference(configuration).BuildServiceProvider();
        var classifier = services.GetRequiredService<IFindingClassifier>();
        var (referenceInput, referenceSoftmax) = Reference(index);

        var image = new DicomImageReader().Read(TestPaths.SharedFile("data", "dicom", file));
        var tensor = new PixelPipeline().ToTensor(image.Image, classifier.Preprocessing);
        var scores = await classifier.ClassifyAsync(tensor, CancellationToken.None);

        var tensorDiff = tensor.Data.Zip(referenceInput).Max(p => Math.Abs(p.First - p.Second));
        var probabilityDiff = scores.Zip(referenceSoftmax).Max(p => Math.Abs(p.First.Probability - p.Second));
        log.WriteLine($"{file}: max |tensor - reference input| = {tensorDiff:E2}; max |softmax - torch| = {probabilityDiff:E2}; " +
            $"ours [{string.Join(", ", scores.Select(s => s.Probability.ToString("F5")))}] torch [{string.Join(", ", referenceSoftmax.Select(v => v.ToString("F5")))}]");
        Assert.InRange(probabilityDiff, 0, 1e-3);
        Assert.Equal(ArgMax(referenceSoftmax), ArgMax(scores.Select(s => s.Probability).ToArray()));
    }

    private static int ArgMax(IReadOnlyList<double> values) => values.Select((v, i) => (v, i)).MaxBy(p => p.v).i;

    private static (float[] Input, double[] Softmax) Reference(int index)
    {
        var dir = TestPaths.SharedFile("models", "squeezenet-pneumonia", "verify");
        var bytes = File.ReadAllBytes(Path.Combine(dir, "inputs_4x3x224x224.f32"));
        var input = new float[Sample];
        Buffer.BlockCopy(bytes, index * Sample * sizeof(float), input, 0, Sample * sizeof(float));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "torch_reference.json")));
        var softmax = doc.RootElement.GetProperty("torch_softmax")[index].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (input, softmax);
    }
}
