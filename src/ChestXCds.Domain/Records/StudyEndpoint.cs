namespace ChestXCds.Domain.Records;

/// <summary>
/// One Endpoint an ImagingStudy names: a contained one is read with the study (its WADO-RS address, or null when
/// it is not a usable dicom-wado-rs Endpoint); a referenced one has only its id until the FHIR server is asked
/// (CDS Hooks prefetch cannot _include it).
/// </summary>
/// <param name="ContainedWadoRsAddress">The address of a contained, active dicom-wado-rs Endpoint.</param>
/// <param name="ReferencedId">The id of a referenced (not contained) Endpoint.</param>
public sealed record StudyEndpoint(string? ContainedWadoRsAddress, string? ReferencedId);
