using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChestXCds.Domain;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Testing;

namespace ChestXCds.Benchmarks;

/// <summary>
/// Decode (GDCM + structure checks + display rendering) and decode + SqueezeNet preprocessing
/// (Pillow bilinear 1024→224, 3 channels, ImageNet mean/std) per transfer syntax, on the shared files.
/// Run: dotnet run -c Release --project bench/ChestXCds.Benchmarks -- --filter '*ImagingBenchmarks*'
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class ImagingBenchmarks
{
    private static readonly PreprocessingSpec SqueezeNet = new(224, 224, 224, 224, "bilinear", 3, 1.0 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

    private readonly DicomImageReader _reader = new();
    private readonly PixelPipeline _pipeline = new();
    private string _path = null!;

    [Params(
        "ImplicitLE_nih_gcp",
        "ExplicitLE_nih_00000001_000",
        "JpegBaseline_siim",
        "JpegLosslessSV1_nih_00000001_001",
        "JpegLS_nih_00000001_002",
        "RLE_nih_00000003_000",
        "ExplicitLE12bitMono1_nih_00000003_000")]
    public string File { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = File switch
        {
            "ImplicitLE_nih_gcp" => TestPaths.SharedFile("data", "dicom", "nih_gcp_1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm"),
            "ExplicitLE_nih_00000001_000" => TestPaths.SharedFile("data", "dicom", "derived", "nih_00000001_000_cardiomegaly_explicitLE.dcm"),
            "JpegBaseline_siim" => TestPaths.SharedFile("data", "dicom", "siim_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm"),
            "JpegLosslessSV1_nih_00000001_001" => TestPaths.SharedFile("data", "dicom", "derived", "nih_00000001_001_cardiomegaly_emphysema_jpegLosslessSV1.dcm"),
            "JpegLS_nih_00000001_002" => TestPaths.SharedFile("data", "dicom", "derived", "nih_00000001_002_cardiomegaly_effusion_jpegLS_lossless.dcm"),
            "RLE_nih_00000003_000" => TestPaths.SharedFile("data", "dicom", "derived", "nih_00000003_000_hernia_RLE.dcm"),
            _ => TestPaths.SharedFile("data", "dicom", "derived", "nih_00000003_000_hernia_12bit_MONOCHROME1_explicitLE.dcm"),
        };
    }

    [Benchmark(Baseline = true)]
    public DicomImage Decode() => _reader.Read(_path);

    [Benchmark]
    public ImageTensor DecodeAndPipeline() => _pipeline.ToTensor(_reader.Read(_path).Image, SqueezeNet);

    /// <summary>A short in-process job: minutes for the whole class, not an hour.</summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(6)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)));
        }
    }
}
