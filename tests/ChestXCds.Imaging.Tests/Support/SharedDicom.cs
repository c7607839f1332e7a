using ChestXCds.Testing;

namespace ChestXCds.Imaging.Tests.Support;

/// <summary>The shared chest radiographs (../shared/data/dicom/README.md).</summary>
internal static class SharedDicom
{
    public static string Siim => File("siim_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm");

    public static string SiimMonochrome1 => File("txv_Fake_MONOHR1.dcm");

    public static string NihGcpImplicit => File("nih_gcp_1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm");

    public static string Nih1ExplicitLe => File("derived", "nih_00000001_000_cardiomegaly_explicitLE.dcm");

    public static string JpegLossless => File("derived", "nih_00000001_001_cardiomegaly_emphysema_jpegLosslessSV1.dcm");

    public static string JpegLs => File("derived", "nih_00000001_002_cardiomegaly_effusion_jpegLS_lossless.dcm");

    public static string Nih3Rle => File("derived", "nih_00000003_000_hernia_RLE.dcm");

    public static string Nih3Monochrome1Bit12 => File("derived", "nih_00000003_000_hernia_12bit_MONOCHROME1_explicitLE.dcm");

    public static IEnumerable<string> All =>
        Directory.EnumerateFiles(TestPaths.SharedFile("data", "dicom"), "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string File(params string[] parts) => TestPaths.SharedFile(["data", "dicom", .. parts]);
}
