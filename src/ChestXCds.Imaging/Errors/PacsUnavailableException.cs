namespace ChestXCds.Imaging.Errors;

/// <summary>The PACS could not be reached, timed out, refused the credentials or kept failing after retries.</summary>
public sealed class PacsUnavailableException(string message, Exception? innerException = null)
    : ImagingException(message, innerException);
