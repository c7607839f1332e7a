using System.Buffers.Binary;

namespace ChestXCds.Imaging.Decoding;

/// <summary>Turns a decoded pixel buffer (native little-endian) into stored values of the first frame.</summary>
internal static class StoredValueUnpacker
{
    public static int[] Unpack(ReadOnlySpan<byte> buffer, DicomImageAttributes a, bool planar)
    {
        var pixels = a.Width * a.Height;
        var bytesPerSample = a.BitsAllocated / 8;
        var samples = new int[pixels * a.SamplesPerPixel];
        var mask = a.BitsStored >= 32 ? -1 : (1 << a.BitsStored) - 1;
        var signBit = a.BitsStored >= 32 ? 0 : 1 << (a.BitsStored - 1);
        for (var i = 0; i < samples.Length; i++)
        {
            var raw = bytesPerSample switch
            {
                1 => buffer[i],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(buffer.Slice(i * 2, 2)),
                _ => BinaryPrimitives.ReadInt32LittleEndian(buffer.Slice(i * 4, 4)),
            };
            var value = raw & mask;
            if (a.IsSigned && a.BitsStored < 32 && (value & signBit) != 0)
            {
                value -= 1 << a.BitsStored;
            }

            samples[i] = value;
        }

        if (a.SamplesPerPixel == 1)
        {
            return samples;
        }

        // Colour radiographs are rare (secondary captures); reduce to luma, ITU-R BT.601.
        var grey = new int[pixels];
        for (var p = 0; p < pixels; p++)
        {
            var (r, g, b) = planar
                ? (samples[p], samples[pixels + p], samples[(2 * pixels) + p])
                : (samples[3 * p], samples[(3 * p) + 1], samples[(3 * p) + 2]);
            grey[p] = (int)Math.Round((0.299 * r) + (0.587 * g) + (0.114 * b));
        }

        return grey;
    }
}
