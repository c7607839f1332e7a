using ChestXCds.Domain;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>The references and ids shared by every resource of one mapped analysis.</summary>
internal sealed class MappingScope
{
    private readonly ResourceReference _patient;
    private readonly ResourceReference _study;
    private readonly ResourceReference? _serviceRequest;

    private MappingScope(
        ResourceReference patient,
        ResourceReference study,
        ResourceReference? serviceRequest,
        ResourceReference? user,
        IReadOnlyList<ResourceReference> evidenceReports,
        DateTimeOffset issued)
    {
        _patient = patient;
        _study = study;
        _serviceRequest = serviceRequest;
        User = user;
        EvidenceReports = evidenceReports;
        Issued = issued;
    }

    public string DeviceId { get; } = NewId();

    public string ModelCardId { get; } = NewId();

    public ResourceReference? User { get; }

    public IReadOnlyList<ResourceReference> EvidenceReports { get; }

    public DateTimeOffset Issued { get; }

    /// <summary>Fresh UUIDs: unique per suggestion, so accepting two suggestions never collides (FHIR id, 36 of 64 chars).</summary>
    public static string NewId() => Guid.NewGuid().ToString("D");

    public static MappingScope Create(StudyAnalysis analysis, AnalysisFhirContext context)
    {
        var patient = ReferenceRules.Require(context.PatientReference, nameof(context.PatientReference), "Patient");
        var study = ReferenceRules.Require(context.ImagingStudyReference, nameof(context.ImagingStudyReference), "ImagingStudy");
        var uid = StripOid(context.StudyInstanceUid);
        if (uid.Length == 0)
        {
            throw new ArgumentException("StudyInstanceUid is required.", nameof(context));
        }

        if (!string.Equals(uid, StripOid(analysis.StudyInstanceUid), StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The context's Study Instance UID '{uid}' is not the analysed study's '{StripOid(analysis.StudyInstanceUid)}'.",
                nameof(context));
        }

        // FHIR R4 ImagingStudy.identifier: the Study Instance UID as system urn:dicom:uid, value "urn:oid:" + UID.
        study.Identifier = new Identifier(ChestXTerminology.DicomUid, "urn:oid:" + uid);
        var serviceRequest = context.ServiceRequestReference is null
            ? null
            : ReferenceRules.Require(context.ServiceRequestReference, nameof(context.ServiceRequestReference), "ServiceRequest");
        var user = context.UserReference is null
            ? null
            : ReferenceRules.Require(context.UserReference, nameof(context.UserReference), "Practitioner", "PractitionerRole");
        var reports = (context.EvidenceReportReferences ?? [])
            .Concat(analysis.EvidenceReports)
            .Select(r => r.Trim())
            .Distinct(StringComparer.Ordinal)
            .Select(r => ReferenceRules.Require(r, "EvidenceReportReferences", "DiagnosticReport"))
            .ToList();
        return new MappingScope(patient, study, serviceRequest, user, reports, context.Issued);
    }

    public ResourceReference Patient() => (ResourceReference)_patient.DeepCopy();

    public ResourceReference Study() => (ResourceReference)_study.DeepCopy();

    public ResourceReference Device() => new("Device/" + DeviceId) { Type = "Device" };

    public ResourceReference ModelCard() => new("DocumentReference/" + ModelCardId) { Type = "DocumentReference" };

    public static ResourceReference To(Resource resource) => new($"{resource.TypeName}/{resource.Id}") { Type = resource.TypeName };

    /// <summary>An Observation with what STANDARDS.md asks of every AI Observation filled in.</summary>
    public Observation NewObservation(string profile, CodeableConcept code)
    {
        var observation = new Observation
        {
            Id = NewId(),
            Meta = MappingCodes.Meta(profile),
            Status = ObservationStatus.Preliminary,
            Category = [MappingCodes.ImagingCategory()],
            Code = code,
            Subject = Patient(),
            PartOf = [Study()],
            DerivedFrom = [Study()],
            Issued = Issued,
            Device = Device(),
            BodySite = MappingCodes.ChestBodySite(),
        };
        if (_serviceRequest is not null)
        {
            observation.BasedOn = [(ResourceReference)_serviceRequest.DeepCopy()];
        }

        return observation;
    }

    private static string StripOid(string? uid)
    {
        var trimmed = (uid ?? string.Empty).Trim();
        return trimmed.StartsWith("urn:oid:", StringComparison.OrdinalIgnoreCase) ? trimmed[8..] : trimmed;
    }
}
