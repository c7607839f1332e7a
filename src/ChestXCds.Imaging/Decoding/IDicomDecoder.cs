namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// The one seam to the DICOM codec library (GDCM here) so that another decoder can replace it.
/// Implementations throw <see cref="Errors.CorruptInstanceException"/> for anything that is not a
/// decodable DICOM image, never a native crash or a library exception.
/// </summary>
public interface IDicomDecoder
{
    DecodedDicom Decode(string path);
}
