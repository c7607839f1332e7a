namespace ChestXCds.Fhir.Mapping;

/// <summary>What the EHR context adds to an analysis when it is turned into FHIR resources.</summary>
/// <param name="PatientReference">The subject, a relative reference "Patient/{id}".</param>
/// <param name="ImagingStudyReference">The analysed study, a relative reference "ImagingStudy/{id}".</param>
/// <param name="StudyInstanceUid">The study's DICOM Study Instance UID (with or without "urn:oid:"); written as the
/// reference's identifier with system urn:dicom:uid so the result stays tied to the study across servers.</param>
/// <param name="Issued">When the results are made available (Observation.issued, Provenance.recorded).</param>
/// <param name="ServiceRequestReference">The order being signed ("ServiceRequest/{id}"), Observation.basedOn; null when unknown.</param>
/// <param name="UserReference">The clinician from CDS Hooks context.userId ("Practitioner/{id}" or "PractitionerRole/{id}"),
/// a Provenance agent; null when unknown.</param>
/// <param name="EvidenceReportReferences">Prior DiagnosticReports used as evidence ("DiagnosticReport/{id}"), in addition to
/// <see cref="Domain.StudyAnalysis.EvidenceReports"/>; null or empty when none.</param>
/// <param name="IdSeed">A digest of every input of the mapping: when set, resource ids are derived from it, so the same
/// inputs map to the same resources; when null, ids are random (see MappingScope.NextId).</param>
public sealed record AnalysisFhirContext(
    string PatientReference,
    string ImagingStudyReference,
    string StudyInstanceUid,
    DateTimeOffset Issued,
    string? ServiceRequestReference = null,
    string? UserReference = null,
    IReadOnlyList<string>? EvidenceReportReferences = null,
    string? IdSeed = null);
