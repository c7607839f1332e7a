using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;
using ChestXCds.Imaging.Tests.Support;
using ChestXCds.Testing.Dicom;

namespace ChestXCds.Imaging.Tests.Display;

/// <summary>Synthetic files through GDCM and the renderer; expected values worked out by hand from PS3.3 C.11.</summary>
public sealed class DisplayRendererTests
{
    private static byte[] Render(SyntheticImage image)
    {
        var path = SyntheticDicom.WriteTemp(image);
        try
        {
            return new DicomImageReader().Read(path).Image.Pixels;
        }
        finally
        {
            File.Delete(path);
        }
    }

    // REQ-IMG-05: signed stored values, Rescale Slope/Intercept, then the LINEAR window (C.11.2.1.2.1).
    [Fact]
    public void GivenSigned12BitWithRescaleAndWindow_WhenRendered_ThenFollowsTheLinearWindowFormula()
    {
        var pixels = Render(new SyntheticImage
        {
            Width = 6, Height = 1, BitsAllocated = 16, BitsStored = 12, Signed = true,
            RescaleSlope = "2", RescaleIntercept = "-1000", WindowCenter = "0", WindowWidth = "1001",
            Values = [-1, 0, 250, 500, 600, 750],
        });

        Assert.Equal(new byte[] { 0, 0, 0, 128, 179, 255 }, pixels);
    }

    // REQ-IMG-05: a VOI LUT wins over windows; below the first mapped value → first entry, above → last.
    [Fact]
    public void GivenVoiLutSequence_WhenRendered_ThenLutIsApplied()
    {
        var pixels = Render(new SyntheticImage
        {
            Width = 6, Height = 1, WindowCenter = "128", WindowWidth = "256",
            VoiLut = (10, 8, new ushort[] { 0, 50, 100, 255 }),
            Values = [0, 10, 11, 12, 13, 200],
        });

        Assert.Equal(new byte[] { 0, 0, 50, 100, 255, 255 }, pixels);
    }

    // REQ-IMG-05: no VOI → full range of Bits Stored.
    [Fact]
    public void Given12BitWithoutWindow_WhenRendered_ThenFullStoredRangeMapsTo0To255()
    {
        var pixels = Render(new SyntheticImage { Width = 3, Height = 1, BitsAllocated = 16, BitsStored = 12, Values = [0, 4095, 2048] });

        Assert.Equal(new byte[] { 0, 255, 128 }, pixels);
    }

    // REQ-IMG-05: several windows → the first.
    [Fact]
    public void GivenTwoWindows_WhenRendered_ThenTheFirstIsUsed()
    {
        var pixels = Render(new SyntheticImage
        {
            Width = 3, Height = 1, BitsAllocated = 16, BitsStored = 12,
            WindowCenter = "100\\2000", WindowWidth = "50\\500", Values = [75, 125, 100],
        });

        Assert.Equal(new byte[] { 0, 255, 130 }, pixels);
    }

    [Fact]
    public void GivenMonochrome1_WhenRendered_ThenInverted()
    {
        var pixels = Render(new SyntheticImage { Width = 3, Height = 1, Photometric = "MONOCHROME1", Values = [0, 255, 100] });

        Assert.Equal(new byte[] { 255, 0, 155 }, pixels);
    }

    // REQ-IMG-06: structurally valid file whose JPEG stream is garbage.
    [Fact]
    public void GivenJpegFragmentThatIsNotJpeg_WhenRead_ThenCorruptInstanceException()
    {
        var path = SyntheticDicom.WriteTemp(new SyntheticImage { JpegFragment = new byte[4000] });
        try
        {
            var error = Assert.Throws<CorruptInstanceException>(() => new DicomImageReader().Read(path));
            Assert.Contains("JPEG", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
