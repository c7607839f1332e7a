using ChestXCds.Imaging.Decoding;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;
using ChestXCds.Imaging.Tests.Support;

namespace ChestXCds.Imaging.Tests.Decoding;

public sealed class GdcmDicomDecoderTests
{
    private readonly DicomImageReader _reader = new(new GdcmDicomDecoder());

    public static TheoryData<string> SharedFiles() => new(SharedDicom.All.Select(Path.GetFileName).OfType<string>());

    // REQ-IMG-04: every shared transfer syntax decodes to a display image.
    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void GivenSharedChestRadiograph_WhenRead_ThenDecodesToFullSizeNonBlankImage(string fileName)
    {
        var path = SharedDicom.All.Single(p => Path.GetFileName(p) == fileName);

        var image = _reader.Read(path);

        Assert.Equal(1024, image.Image.Width);
        Assert.Equal(1024, image.Image.Height);
        Assert.Equal(1024 * 1024, image.Image.Pixels.Length);
        var distinct = image.Image.Pixels.Distinct().Count();
        Assert.True(distinct > 100, $"{fileName} decoded to only {distinct} grey levels");
        Assert.False(string.IsNullOrEmpty(image.Attributes.TransferSyntaxUid));
    }

    [Theory]
    [InlineData("siim_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm", "1.2.840.10008.1.2.4.50", "CR", "PA", "MONOCHROME2", 8)]
    [InlineData("nih_00000001_001_cardiomegaly_emphysema_jpegLosslessSV1.dcm", "1.2.840.10008.1.2.4.70", "DX", null, "MONOCHROME2", 8)]
    [InlineData("nih_00000001_002_cardiomegaly_effusion_jpegLS_lossless.dcm", "1.2.840.10008.1.2.4.80", "DX", null, "MONOCHROME2", 8)]
    [InlineData("nih_00000003_000_hernia_RLE.dcm", "1.2.840.10008.1.2.5", "DX", null, "MONOCHROME2", 8)]
    [InlineData("nih_00000003_000_hernia_12bit_MONOCHROME1_explicitLE.dcm", "1.2.840.10008.1.2.1", "DX", null, "MONOCHROME1", 12)]
    public void GivenSharedFile_WhenDecoded_ThenAttributesMatchTheReadme(string fileName, string transferSyntax, string modality, string? view, string photometric, int bitsStored)
    {
        var path = SharedDicom.All.Single(p => Path.GetFileName(p) == fileName);

        var decoded = new GdcmDicomDecoder().Decode(path);

        Assert.Equal(transferSyntax, decoded.Attributes.TransferSyntaxUid);
        Assert.Equal(modality, decoded.Attributes.Modality);
        Assert.Equal(view, decoded.Attributes.ViewPosition);
        Assert.Equal(photometric, decoded.Attributes.PhotometricInterpretation);
        Assert.Equal(bitsStored, decoded.Attributes.BitsStored);
    }

    // REQ-IMG-05: MONOCHROME1 is inverted to display polarity.
    [Fact]
    public void GivenMonochrome1TwinOfMonochrome2File_WhenRead_ThenPixelsAreTheExactInverse()
    {
        var normal = _reader.Read(SharedDicom.Siim).Image.Pixels;
        var inverted = _reader.Read(SharedDicom.SiimMonochrome1).Image.Pixels;

        Assert.Equal(normal.Length, inverted.Length);
        for (var i = 0; i < normal.Length; i++)
        {
            Assert.Equal(255 - normal[i], inverted[i]);
        }
    }

    // REQ-IMG-05: 12-bit MONOCHROME1 with window 2048/4096 displays like the 8-bit RLE twin.
    [Fact]
    public void GivenTwelveBitMonochrome1File_WhenRead_ThenRendersLikeTheRleFileOfTheSameImage()
    {
        var rle = _reader.Read(SharedDicom.Nih3Rle).Image.Pixels;
        var twelveBit = _reader.Read(SharedDicom.Nih3Monochrome1Bit12).Image.Pixels;

        var maxDifference = rle.Zip(twelveBit, (a, b) => Math.Abs(a - b)).Max();
        Assert.Equal(0, maxDifference);
    }

    // REQ-IMG-06: bad input gives a clear error, not a crash.
    [Fact]
    public void GivenTextFile_WhenDecoded_ThenCorruptInstanceExceptionNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-dicom-{Guid.NewGuid():N}.dcm");
        File.WriteAllText(path, "this is not a DICOM file");
        try
        {
            var error = Assert.Throws<CorruptInstanceException>(() => new GdcmDicomDecoder().Decode(path));
            Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("derived/nih_00000001_000_cardiomegaly_explicitLE.dcm", 0.5)]
    [InlineData("derived/nih_00000003_000_hernia_RLE.dcm", 0.5)]
    [InlineData("siim_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm", 0.5)]
    [InlineData("derived/nih_00000001_000_cardiomegaly_explicitLE.dcm", 0.001)]
    public void GivenTruncatedFile_WhenDecoded_ThenCorruptInstanceException(string relativePath, double keepFraction)
    {
        var source = SharedDicom.All.Single(p => p.EndsWith(relativePath, StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(source);
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keepFraction)]);
        try
        {
            Assert.Throws<CorruptInstanceException>(() => new GdcmDicomDecoder().Decode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // REQ-IMG-04: JPEG 2000 (the shared data has none; GDCM's encoder makes one from an NIH file).
    [Theory]
    [InlineData(gdcm.TransferSyntax.TSType.JPEG2000Lossless, "1.2.840.10008.1.2.4.90")]
    [InlineData(gdcm.TransferSyntax.TSType.JPEG2000, "1.2.840.10008.1.2.4.91")]
    public void GivenJpeg2000File_WhenRead_ThenPixelsEqualTheUncompressedOriginal(gdcm.TransferSyntax.TSType syntax, string uid)
    {
        var path = TranscodedDicom.WriteTemp(SharedDicom.Nih1ExplicitLe, syntax);
        try
        {
            var image = _reader.Read(path);

            Assert.Equal(uid, image.Attributes.TransferSyntaxUid);
            Assert.Equal(_reader.Read(SharedDicom.Nih1ExplicitLe).Image.Pixels, image.Image.Pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenMissingFile_WhenDecoded_ThenFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => new GdcmDicomDecoder().Decode("/nonexistent/x.dcm"));
    }
}
