using System.Text.Json;
using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

public sealed class InspectCommandTests
{
    // REQ-IMG-08: `chestx inspect` prints the attributes that matter as JSON.
    [Theory]
    [InlineData("siim_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm", "CR", "PA", "1.2.840.10008.1.2.4.50", 8, "MONOCHROME2")]
    [InlineData("derived/nih_00000001_002_cardiomegaly_effusion_jpegLS_lossless.dcm", "DX", null, "1.2.840.10008.1.2.4.80", 8, "MONOCHROME2")]
    [InlineData("derived/nih_00000003_000_hernia_12bit_MONOCHROME1_explicitLE.dcm", "DX", null, "1.2.840.10008.1.2.1", 12, "MONOCHROME1")]
    public void GivenDicomFile_WhenInspected_ThenJsonHasModalityViewSyntaxSizeBitsAndPhotometric(
        string relativePath, string modality, string? view, string transferSyntax, int bitsStored, string photometric)
    {
        var (exit, output, error) = ChestxProcess.Run("inspect", TestPaths.SharedFile(["data", "dicom", .. relativePath.Split('/')]));

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(modality, root.GetProperty("modality").GetString());
        Assert.Equal(view, root.GetProperty("viewPosition").GetString());
        Assert.Equal(transferSyntax, root.GetProperty("transferSyntaxUid").GetString());
        Assert.Equal(1024, root.GetProperty("width").GetInt32());
        Assert.Equal(1024, root.GetProperty("height").GetInt32());
        Assert.Equal(bitsStored, root.GetProperty("bitsStored").GetInt32());
        Assert.Equal(photometric, root.GetProperty("photometricInterpretation").GetString());
    }

    [Fact]
    public void GivenTruncatedFile_WhenInspected_ThenOneErrorLineAndExitCode2()
    {
        var source = File.ReadAllBytes(TestPaths.SharedFile("data", "dicom", "derived", "nih_00000003_000_hernia_RLE.dcm"));
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, source[..(source.Length / 2)]);
        try
        {
            var (exit, _, error) = ChestxProcess.Run("inspect", path);

            Assert.Equal(2, exit);
            Assert.Contains("truncated", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
