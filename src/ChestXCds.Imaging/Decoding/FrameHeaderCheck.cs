using System.Buffers.Binary;

namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// The codec libraries inside GDCM can abort the process on a malformed stream header, so the
/// header of the first frame is checked before decoding: JPEG markers up to SOS (ITU T.81 B.1,
/// also JPEG-LS), the JPEG 2000 signature (T.800 A.2), the RLE header (PS3.5 G.5).
/// </summary>
internal static class FrameHeaderCheck
{
    /// <param name="bytes">The start of the first fragment (up to 64 KiB).</param>
    /// <param name="length">The whole fragment's length.</param>
    /// <returns>What is wrong, or null.</returns>
    public static string? Problem(string transferSyntax, byte[] bytes, uint length)
    {
        if (transferSyntax.StartsWith("1.2.840.10008.1.2.4.5", StringComparison.Ordinal)
            || transferSyntax.StartsWith("1.2.840.10008.1.2.4.7", StringComparison.Ordinal)
            || transferSyntax.StartsWith("1.2.840.10008.1.2.4.8", StringComparison.Ordinal))
        {
            return JpegMarkers(bytes, whole: bytes.Length == length);
        }

        if (transferSyntax.StartsWith("1.2.840.10008.1.2.4.9", StringComparison.Ordinal))
        {
            var codestream = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]);
            var jp2 = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20]);
            return codestream || jp2 ? null : "the JPEG 2000 pixel data has no codestream or JP2 signature";
        }

        return transferSyntax == "1.2.840.10008.1.2.5" ? RleHeader(bytes, length) : null;
    }

    private static string? JpegMarkers(byte[] bytes, bool whole)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return "the JPEG pixel data does not start with an SOI marker";
        }

        var position = 2;
        while (position + 1 < bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return $"the JPEG header is malformed (no marker at byte {position} of the first fragment)";
            }

            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                // A fill byte before a marker.
                position++;
                continue;
            }

            position += 2;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker == 0xDA)
            {
                return null;
            }

            if (marker is 0xD9 or 0x00 || position + 2 > bytes.Length)
            {
                return "the JPEG header ends before its scan (SOS) starts";
            }

            var segment = (bytes[position] << 8) | bytes[position + 1];
            if (segment < 2)
            {
                return "the JPEG header has a segment with an impossible length";
            }

            position += segment;
        }

        return whole ? "the JPEG header ends before its scan (SOS) starts" : null;
    }

    private static string? RleHeader(byte[] bytes, uint length)
    {
        if (bytes.Length < 64)
        {
            return "the RLE fragment is shorter than its 64-byte header";
        }

        var segments = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        if (segments is < 1 or > 15 || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)) != 64)
        {
            return "the RLE header is malformed";
        }

        uint previous = 0;
        for (var i = 0; i < segments; i++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 + (4 * i)));
            if (offset < previous || offset >= length)
            {
                return "the RLE header has segment offsets outside the fragment";
            }

            previous = offset;
        }

        return null;
    }
}
