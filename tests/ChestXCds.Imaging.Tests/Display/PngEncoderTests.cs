using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ChestXCds.Imaging.Display;

namespace ChestXCds.Imaging.Tests.Display;

public sealed class PngEncoderTests
{
    /// <summary>Reads back a PNG written by the encoder: chunk CRCs, IHDR, and the inflated scanlines.</summary>
    internal static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var position = 8;
        int width = 0, height = 0;
        var idat = new MemoryStream();
        while (position < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.Equal(ReferenceCrc(png.AsSpan(position + 4, length + 4)), crc);
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(0, data[9]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            position += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (width + 1)]);
            Array.Copy(rows, (y * (width + 1)) + 1, pixels, y * width, width);
        }

        return (width, height, pixels);
    }

    // Bitwise CRC-32 (PNG Annex D) written independently of the encoder's table.
    private static uint ReferenceCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }

    [Fact]
    public void GivenDisplayImage_WhenEncoded_ThenPngDecodesToTheSamePixels()
    {
        var image = new DisplayImage(5, 3, Enumerable.Range(0, 15).Select(i => (byte)(i * 17)).ToArray());
        using var stream = new MemoryStream();

        PngEncoder.Write(image, stream);

        var (width, height, pixels) = Decode(stream.ToArray());
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
