using ChestXCds.Domain;

namespace ChestXCds.Imaging;

/// <summary>From where a study is to the display-ready frontal chest radiograph in it.</summary>
public interface IChestImageRetriever
{
    /// <param name="fhirAccessToken">The EHR's FHIR token; sent to the PACS only when Imaging:DicomWeb:ForwardFhirAccessToken is true.</param>
    /// <exception cref="Errors.NoSuitableImageException">No frontal CR/DX chest image in the study.</exception>
    /// <exception cref="Errors.StudyNotFoundException">The PACS does not know the study.</exception>
    /// <exception cref="Errors.PacsUnavailableException">Unreachable, timed out, refused, or failing after retries.</exception>
    /// <exception cref="Errors.CorruptInstanceException">The chosen instance cannot be decoded.</exception>
    /// <exception cref="Errors.InstanceTooLargeException">The chosen instance exceeds the size limit.</exception>
    /// <exception cref="Errors.InvalidDicomWebAddressException">No usable DICOMweb address.</exception>
    Task<RetrievedChestImage> RetrieveAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken ct);
}
