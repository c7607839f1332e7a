using System.Buffers.Binary;
using System.IO.Compression;

namespace ChestXCds.Imaging.Display;

/// <summary>
/// Writes a <see cref="DisplayImage"/> as an 8-bit greyscale PNG (PNG 2nd ed., ISO/IEC 15948):
/// IHDR colour type 0, one IDAT of zlib-compressed scanlines with filter type 0, IEND.
/// </summary>
public static class PngEncoder
{
    // PNG Annex D: CRC-32 with polynomial 0xEDB88320 (reflected).
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Write(DisplayImage image, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)image.Height);
        header[8] = 8;  // bit depth
        header[9] = 0;  // colour type: greyscale
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        Chunk(destination, "IHDR"u8, header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[image.Width + 1];
            for (var y = 0; y < image.Height; y++)
            {
                // Filter type 0 (None) leading each scanline.
                row[0] = 0;
                image.Pixels.AsSpan(y * image.Width, image.Width).CopyTo(row.AsSpan(1));
                zlib.Write(row);
            }
        }

        Chunk(destination, "IDAT"u8, compressed.ToArray());
        Chunk(destination, "IEND"u8, []);
    }

    public static void WriteFile(DisplayImage image, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(image, file);
    }

    private static void Chunk(Stream destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        destination.Write(length);
        destination.Write(type);
        destination.Write(data);

        // The CRC covers the chunk type and data (PNG 5.3), not the length.
        var crc = Crc(Crc(0xFFFFFFFF, type), data) ^ 0xFFFFFFFF;
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, crc);
        destination.Write(checksum);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }
}
