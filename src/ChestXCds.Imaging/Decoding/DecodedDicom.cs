namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// The first frame of a DICOM image as stored values (after decompression, masked to Bits Stored
/// and sign-extended), with what display needs: VOI windows and an optional VOI LUT.
/// Colour images arrive here already reduced to luma.
/// </summary>
/// <param name="StoredValues">Row-major, Width x Height values in stored-value units.</param>
/// <param name="Windows">VOI windows in file order; the first one is used.</param>
/// <param name="Lut">The first VOI LUT, when the file has one; it wins over windows.</param>
public sealed record DecodedDicom(
    DicomImageAttributes Attributes,
    int[] StoredValues,
    IReadOnlyList<VoiWindow> Windows,
    VoiLut? Lut);
