using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChestXCds.Testing;

/// <summary>
/// Reads back an 8-bit greyscale PNG as the project's encoder writes it (filter 0 on every row), checking the
/// signature, every chunk CRC (bitwise CRC-32 of PNG Annex D, written independently of the encoder's table) and IHDR.
/// </summary>
internal static class PngTestReader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height, byte[] Pixels) Read(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG: the signature is wrong.");
        }

        var position = 8;
        int width = 0, height = 0;
        var idat = new MemoryStream();
        while (position < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            if (Crc32(png.AsSpan(position + 4, length + 4)) != crc)
            {
                throw new InvalidDataException($"PNG chunk {type} has a wrong CRC.");
            }

            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[9] != 0)
                {
                    throw new InvalidDataException($"PNG is not 8-bit greyscale (bit depth {data[8]}, colour type {data[9]}).");
                }
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
            if (rows[y * (width + 1)] != 0)
            {
                throw new InvalidDataException($"PNG row {y} uses filter {rows[y * (width + 1)]}, not 0.");
            }

            Array.Copy(rows, (y * (width + 1)) + 1, pixels, y * width, width);
        }

        return (width, height, pixels);
    }

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
