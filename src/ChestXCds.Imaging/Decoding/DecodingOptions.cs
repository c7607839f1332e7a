using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Imaging.Decoding;

/// <summary>What a DICOM file may ask of the decoder; section <c>Imaging:Decoding</c>. Checked from the header before any decode.</summary>
public sealed class DecodingOptions
{
    public const string SectionName = "Imaging:Decoding";

    /// <summary>
    /// Most pixels (rows x columns x frames) an instance may declare. Default 18,490,000: one 4,300 x 4,300 frame, larger
    /// than any chest radiograph detector (43 x 43 cm at 0.1 mm).
    /// </summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixels { get; set; } = 4300L * 4300;

    /// <summary>Most bytes a deflated data set (transfer syntax 1.2.840.10008.1.2.1.99) may inflate to. Default 268435456 (256 MiB).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxInflatedBytes { get; set; } = 256L * 1024 * 1024;
}
