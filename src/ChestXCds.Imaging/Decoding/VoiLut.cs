namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// A VOI LUT from the VOI LUT Sequence (0028,3010), PS3.3 C.11.2.1.1: input values below
/// <see cref="FirstMappedValue"/> map to the first entry, above the last to the last entry.
/// </summary>
/// <param name="FirstMappedValue">Second value of LUT Descriptor (0028,3002), in modality units.</param>
/// <param name="BitsPerEntry">Third value of LUT Descriptor: the output range is 0 .. 2^bits - 1.</param>
/// <param name="Entries">LUT Data (0028,3006).</param>
public sealed record VoiLut(int FirstMappedValue, int BitsPerEntry, IReadOnlyList<int> Entries)
{
    public double Apply(double modalityValue)
    {
        var index = (long)Math.Floor(modalityValue) - FirstMappedValue;
        index = Math.Clamp(index, 0, Entries.Count - 1);
        return Entries[(int)index];
    }

    public double OutputMaximum => (1 << Math.Clamp(BitsPerEntry, 1, 16)) - 1;
}
