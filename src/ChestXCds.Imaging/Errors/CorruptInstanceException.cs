namespace ChestXCds.Imaging.Errors;

/// <summary>A DICOM instance (from a file or the PACS) is not DICOM, is truncated, or its pixel data cannot be decoded.</summary>
public sealed class CorruptInstanceException(string message, Exception? innerException = null)
    : ImagingException(message, innerException);
