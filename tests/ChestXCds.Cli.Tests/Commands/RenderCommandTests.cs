using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ChestXCds.Imaging.Display;
using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

public sealed class RenderCommandTests
{
    private static string Dicom(params string[] parts) => TestPaths.SharedFile(["data", "dicom", .. parts]);

    // REQ-IMG-08: `chestx render` writes the display-ready image as PNG.
    [Fact]
    public void GivenMonochrome1File_WhenRendered_ThenPngHoldsTheInverseOfItsMonochrome2Twin()
    {
        var inverted = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}.png");
        var normal = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}.png");
        try
        {
            var (exit1, output, error1) = ChestxProcess.Run("render", Dicom("txv_Fake_MONOHR1.dcm"), "--out", inverted);
            var (exit2, _, error2) = ChestxProcess.Run("render", Dicom("siim_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm"), "--out", normal);

            Assert.True(exit1 == 0, error1);
            Assert.True(exit2 == 0, error2);
            Assert.Contains("1024x1024", output, StringComparison.Ordinal);
            var (width, height, a) = ReadPng(inverted);
            var (_, _, b) = ReadPng(normal);
            Assert.Equal((1024, 1024), (width, height));
            Assert.Equal(b.Select(v => (byte)(255 - v)), a);
        }
        finally
        {
            File.Delete(inverted);
            File.Delete(normal);
        }
    }

    [Fact]
    public void GivenTwelveBitFile_WhenRendered_ThenPngEqualsTheReaderDisplayImage()
    {
        var path = Dicom("derived", "nih_00000003_000_hernia_12bit_MONOCHROME1_explicitLE.dcm");
        var png = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}.png");
        try
        {
            var (exit, _, error) = ChestxProcess.Run("render", path, "-o", png);

            Assert.True(exit == 0, error);
            Assert.Equal(new DicomImageReader().Read(path).Image.Pixels, ReadPng(png).Pixels);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not-dicom")]
    [InlineData("unwritable")]
    public void GivenBadInput_WhenRendered_ThenOneErrorLineAndExitCode2(string problem)
    {
        var notDicom = Path.Combine(Path.GetTempPath(), $"chestx-not-dicom-{Guid.NewGuid():N}.dcm");
        File.WriteAllText(notDicom, "plain text");
        try
        {
            var (input, output) = problem switch
            {
                "missing" => ("/nowhere/x.dcm", Path.Combine(Path.GetTempPath(), "x.png")),
                "not-dicom" => (notDicom, Path.Combine(Path.GetTempPath(), "x.png")),
                _ => (Dicom("derived", "nih_00000003_000_hernia_RLE.dcm"), "/nonexistent-folder/x.png"),
            };

            var (exit, _, error) = ChestxProcess.Run("render", input, "--out", output);

            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notDicom);
        }
    }

    private static (int Width, int Height, byte[] Pixels) ReadPng(string path) => PngTestReader.Read(File.ReadAllBytes(path));
}
