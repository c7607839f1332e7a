using System.Buffers.Binary;
using ChestXCds.Domain;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Imaging.Tests.Support;
using ChestXCds.Testing;
using Xunit.Abstractions;

namespace ChestXCds.Imaging.Tests.Pipeline;

/// <summary>
/// The NIH images behind squeezenet-pneumonia/verify were preprocessed by torchvision/Pillow into
/// inputs_4x3x224x224.f32 (entries 0, 1, 2 = 00000001_000, 00000002_000, 00000003_000).
/// </summary>
public sealed class GoldenTensorTests(ITestOutputHelper output)
{
    internal static readonly PreprocessingSpec SqueezeNet = new(
        224, 224, 224, 224, "bilinear", 3, 1.0 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

    private const int Plane = 3 * 224 * 224;

    public static TheoryData<int, string> Entries() => new()
    {
        { 0, "derived/nih_00000001_000_cardiomegaly_explicitLE.dcm" },
        { 1, "nih_gcp_1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm" },
        { 2, "derived/nih_00000003_000_hernia_RLE.dcm" },
    };

    // REQ-IMG-07: decoded DICOM + pipeline reproduces the PyTorch/Pillow tensor.
    [Theory]
    [MemberData(nameof(Entries))]
    public void GivenNihDicom_WhenRunThroughSqueezeNetPreprocessing_ThenMatchesTorchTensor(int entry, string relativePath)
    {
        var expected = ReadEntry(entry);
        var path = SharedDicom.All.Single(p => p.EndsWith(relativePath, StringComparison.Ordinal));
        var image = new DicomImageReader().Read(path).Image;

        var tensor = new PixelPipeline().ToTensor(image, SqueezeNet);

        Assert.Equal(Plane, tensor.Data.Length);
        var max = 0.0;
        var sum = 0.0;
        for (var i = 0; i < Plane; i++)
        {
            var difference = Math.Abs(tensor.Data[i] - expected[i]);
            max = Math.Max(max, difference);
            sum += difference;
        }

        var mean = sum / Plane;
        output.WriteLine($"entry {entry} ({Path.GetFileName(path)}): max abs diff {max:E3}, mean abs diff {mean:E3}");

        // The port of Pillow's fixed-point resample is bit-exact (measured 0); one 8-bit step would
        // be 1/255/0.229 ≈ 0.017 in tensor units, so this bound still catches a single wrong pixel.
        Assert.True(max <= 1e-6, $"max abs difference {max}");
        Assert.True(mean <= 1e-7, $"mean abs difference {mean}");
    }

    private static float[] ReadEntry(int entry)
    {
        var bytes = File.ReadAllBytes(TestPaths.SharedFile("models", "squeezenet-pneumonia", "verify", "inputs_4x3x224x224.f32"));
        var values = new float[Plane];
        for (var i = 0; i < Plane; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((entry * Plane * 4) + (i * 4), 4));
        }

        return values;
    }
}
