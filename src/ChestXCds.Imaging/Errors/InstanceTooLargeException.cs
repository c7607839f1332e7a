namespace ChestXCds.Imaging.Errors;

/// <summary>A WADO-RS instance exceeded the configured size limit (Imaging:DicomWeb:MaxInstanceBytes).</summary>
public sealed class InstanceTooLargeException(long limitBytes)
    : ImagingException($"The DICOM instance is larger than the configured limit of {limitBytes} bytes.")
{
    public long LimitBytes { get; } = limitBytes;
}
