using ChestXCds.Imaging.Decoding;
using ChestXCds.Imaging.Errors;
using ChestXCds.Imaging.Tests.Support;
using ChestXCds.Testing.Dicom;

namespace ChestXCds.Imaging.Tests.Decoding;

/// <summary>GDCM aborts the process on some malformed files; the managed walk must catch them first.</summary>
public sealed class DicomStructureValidatorTests
{
    // REQ-IMG-06: every truncation point of a file with a sequence and encapsulated pixel data is refused cleanly.
    [Fact]
    public void GivenEveryTruncationOfASyntheticFile_WhenDecoded_ThenCorruptInstanceNeverACrash()
    {
        var bytes = SyntheticDicom.Build(new SyntheticImage { Width = 8, Height = 8, VoiLut = (0, 8, new ushort[] { 0, 255 }), JpegFragment = new byte[64] });
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.dcm");
        try
        {
            for (var length = 0; length < bytes.Length; length++)
            {
                File.WriteAllBytes(path, bytes[..length]);
                Assert.Throws<CorruptInstanceException>(() => new GdcmDicomDecoder().Decode(path));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenInvalidVrBytes_WhenValidated_ThenCorruptInstanceNamesTheVr()
    {
        var bytes = SyntheticDicom.Build(new SyntheticImage { Width = 4, Height = 4 });
        var modality = bytes.AsSpan().IndexOf("CS"u8);
        bytes[modality] = (byte)'z';
        var path = Path.Combine(Path.GetTempPath(), $"bad-vr-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, bytes);
        try
        {
            var error = Assert.Throws<CorruptInstanceException>(() => new GdcmDicomDecoder().Decode(path));
            Assert.Contains("invalid VR", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // REQ-IMG-06: random byte corruption of the header and the start of the pixel data (seeded, so
    // reproducible) ends in a decoded image or a CorruptInstanceException, never a process abort.
    [Theory]
    [InlineData("synthetic", 11)]
    [InlineData("siim", 12)]
    [InlineData("rle", 13)]
    public void GivenRandomlyCorruptedFile_WhenDecoded_ThenDecodesOrCorruptInstanceNeverACrash(string source, int seed)
    {
        var original = source switch
        {
            "synthetic" => SyntheticDicom.Build(new SyntheticImage { Width = 8, Height = 8, VoiLut = (0, 8, new ushort[] { 0, 255 }) }),
            "siim" => File.ReadAllBytes(SharedDicom.Siim),
            _ => File.ReadAllBytes(SharedDicom.Nih3Rle),
        };
        var random = new Random(seed);
        var path = Path.Combine(Path.GetTempPath(), $"mutated-{Guid.NewGuid():N}.dcm");
        var refused = 0;
        try
        {
            for (var n = 0; n < 150; n++)
            {
                var bytes = (byte[])original.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(132, Math.Min(bytes.Length, 2000))] = (byte)random.Next(256);
                }

                File.WriteAllBytes(path, bytes);
                try
                {
                    new GdcmDicomDecoder().Decode(path);
                }
                catch (CorruptInstanceException)
                {
                    refused++;
                }
            }
        }
        finally
        {
            File.Delete(path);
        }

        Assert.InRange(refused, 1, 150);
    }

    // REQ-SEC-05: a dimension bomb (a small compressed file declaring a 40,000 x 40,000 frame) is refused from its header.
    [Fact]
    public void GivenASmallFileDeclaringAHugeFrame_WhenDecoded_ThenRefusedByThePixelBudgetBeforeAnyDecode()
    {
        var path = SyntheticDicom.WriteTemp(new SyntheticImage { Width = 40_000, Height = 40_000, JpegFragment = new byte[64] });
        try
        {
            var error = Assert.Throws<PixelBudgetExceededException>(() => new GdcmDicomDecoder().Decode(path));
            Assert.Contains("Imaging:Decoding:MaxPixels", error.Message, StringComparison.Ordinal);
            Assert.True(new FileInfo(path).Length < 2048);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // REQ-SEC-05: frames count: 2,000 frames of 512 x 512 are over the budget although one frame is not.
    [Fact]
    public void GivenManyFramesOverTheBudget_WhenDecoded_ThenRefused()
    {
        var path = SyntheticDicom.WriteTemp(new SyntheticImage { Width = 512, Height = 512, Frames = 2000, JpegFragment = new byte[64] });
        try
        {
            Assert.Throws<PixelBudgetExceededException>(() => new GdcmDicomDecoder().Decode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // REQ-SEC-05: a deflated data set is inflated (with a cap) and checked like any other, then decoded.
    [Fact]
    public void GivenADeflatedFile_WhenDecoded_ThenItIsCheckedAndDecoded()
    {
        var path = SyntheticDicom.WriteTemp(new SyntheticImage { Width = 16, Height = 16, Deflated = true });
        try
        {
            var decoded = new GdcmDicomDecoder().Decode(path);
            Assert.Equal(16, decoded.Attributes.Width);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenADeflatedFileThatInflatesPastTheCap_WhenDecoded_ThenCorruptInstance()
    {
        var path = SyntheticDicom.WriteTemp(new SyntheticImage { Width = 256, Height = 256, Deflated = true });
        try
        {
            Assert.Throws<CorruptInstanceException>(() => new GdcmDicomDecoder(new DecodingOptions { MaxInflatedBytes = 1024 }).Decode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenADeflatedFileWithADimensionBomb_WhenDecoded_ThenRefusedByThePixelBudget()
    {
        var path = SyntheticDicom.WriteTemp(new SyntheticImage { Width = 5_000, Height = 5_000, Deflated = true });
        try
        {
            Assert.Throws<PixelBudgetExceededException>(() => new GdcmDicomDecoder().Decode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
