namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// PS3.3 C.7.6.3 Image Pixel module sanity: GDCM trusts these values and can crash on absurd ones,
/// so they are checked before it reads the file.
/// </summary>
internal static class ImagePixelModuleCheck
{
    /// <param name="values">US values by tag: (0028,0002), (0028,0010), (0028,0011), (0028,0100), (0028,0101), (0028,0102).</param>
    /// <param name="nativePixelBytes">Length of native (not encapsulated) Pixel Data, or null.</param>
    /// <returns>What is wrong, or null.</returns>
    public static string? Problem(IReadOnlyDictionary<uint, int> values, long? nativePixelBytes)
    {
        int Value(uint tag) => values.TryGetValue(tag, out var v) ? v : -1;
        var samples = Value(0x00280002);
        var rows = Value(0x00280010);
        var columns = Value(0x00280011);
        var allocated = Value(0x00280100);
        var stored = Value(0x00280101);
        var highBit = Value(0x00280102);
        if (samples is not (-1 or 1 or 3))
        {
            return $"Samples per Pixel is {samples}; 1 or 3 expected";
        }

        if (rows < 1 || columns < 1)
        {
            return "Rows or Columns is missing or zero";
        }

        if (allocated is not (1 or 8 or 16 or 32))
        {
            return $"Bits Allocated is {allocated}; 8, 16 or 32 expected";
        }

        if (stored < 1 || stored > allocated || (highBit != -1 && (highBit >= allocated || highBit < stored - 1)))
        {
            return $"Bits Stored {stored} and High Bit {highBit} do not fit Bits Allocated {allocated}";
        }

        var needed = (long)rows * columns * Math.Max(samples, 1) * allocated / 8;
        return nativePixelBytes is { } native && native < needed
            ? $"Pixel Data holds {native} bytes; {rows}x{columns} at {allocated} bits needs {needed} (truncated)"
            : null;
    }

    /// <summary>
    /// The declared rows x columns x frames over <paramref name="maxPixels"/> (an 11 KB JPEG-LS file can declare a
    /// 40,000 x 40,000 frame), said in words; or null.
    /// </summary>
    public static string? OverBudget(IReadOnlyDictionary<uint, int> values, int? frames, long maxPixels)
    {
        var rows = values.GetValueOrDefault(0x00280010u);
        var columns = values.GetValueOrDefault(0x00280011u);
        var pixels = (long)rows * columns * (frames ?? 1);
        return pixels > maxPixels
            ? $"declares {columns} x {rows} x {frames ?? 1} = {pixels} pixels, over the budget of {maxPixels} (Imaging:Decoding:MaxPixels)"
            : null;
    }
}
