using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ChestXCds.Imaging.Display;
using ChestXCds.Testing;

namespace ChestXCds.Imaging.Tests.Display;

public sealed class PngEncoderTests
{
    [Fact]
    public void GivenDisplayImage_WhenEncoded_ThenPngDecodesToTheSamePixels()
    {
        var image = new DisplayImage(5, 3, Enumerable.Range(0, 15).Select(i => (byte)(i * 17)).ToArray());
        using var stream = new MemoryStream();

        PngEncoder.Write(image, stream);

        var (width, height, pixels) = PngTestReader.Read(stream.ToArray());
        Assert.Equal(5, width);
        Assert.Equal(3, height);
        Assert.Equal(image.Pixels, pixels);
    }

    [Fact]
    public void GivenKnownInput_WhenCrcComputed_ThenMatchesTheIendConstant()
    {
        using var stream = new MemoryStream();
        PngEncoder.Write(new DisplayImage(1, 1, [0]), stream);
        var png = stream.ToArray();

        // Every PNG ends with IEND whose CRC is the well-known AE 42 60 82.
        Assert.Equal(new byte[] { 0xAE, 0x42, 0x60, 0x82 }, png[^4..]);
    }
}
