namespace ChestXCds.Domain;

/// <summary>
/// Where a study's images are: its Study Instance UID and, when the ImagingStudy names one, the
/// address of its DICOMweb (WADO-RS) Endpoint. The address is either a WADO-RS base URL
/// (…/dicom-web) or a study URL (…/dicom-web/studies/{uid}); Imaging handles both, and falls back
/// to its configured default base when the address is absent.
/// </summary>
/// <param name="StudyInstanceUid">Study Instance UID (0020,000D), without any urn:oid: prefix.</param>
/// <param name="WadoRsAddress">Endpoint.address of a dicom-wado-rs Endpoint, or null when the study names none.</param>
public sealed record DicomStudyLocation(string StudyInstanceUid, string? WadoRsAddress);
