namespace ChestXCds.Imaging.Decoding;

/// <summary>The attributes of one DICOM image that matter for choosing, decoding and displaying it.</summary>
/// <param name="TransferSyntaxUid">(0002,0010), e.g. 1.2.840.10008.1.2.4.50.</param>
/// <param name="Width">Columns (0028,0011) in pixels.</param>
/// <param name="Height">Rows (0028,0010) in pixels.</param>
/// <param name="BitsAllocated">(0028,0100): 8, 16 or 32.</param>
/// <param name="BitsStored">(0028,0101): 1 to BitsAllocated.</param>
/// <param name="IsSigned">Pixel Representation (0028,0103) is 1 (two's complement).</param>
/// <param name="PhotometricInterpretation">(0028,0004), trimmed, e.g. MONOCHROME1.</param>
/// <param name="SamplesPerPixel">(0028,0002): 1 for greyscale, 3 for colour.</param>
/// <param name="NumberOfFrames">(0028,0008), 1 when absent; only the first frame is displayed.</param>
/// <param name="RescaleSlope">(0028,1053), 1 when absent.</param>
/// <param name="RescaleIntercept">(0028,1052), 0 when absent.</param>
public sealed record DicomImageAttributes(
    string? SopInstanceUid,
    string? SeriesInstanceUid,
    string? StudyInstanceUid,
    string? Modality,
    string? ViewPosition,
    string? BodyPartExamined,
    string TransferSyntaxUid,
    int Width,
    int Height,
    int BitsAllocated,
    int BitsStored,
    bool IsSigned,
    string PhotometricInterpretation,
    int SamplesPerPixel,
    int NumberOfFrames,
    double RescaleSlope,
    double RescaleIntercept)
{
    /// <summary>A readable name for <see cref="TransferSyntaxUid"/>, or the UID itself when unknown.</summary>
    public string TransferSyntaxName => TransferSyntaxNames.NameOf(TransferSyntaxUid);
}
