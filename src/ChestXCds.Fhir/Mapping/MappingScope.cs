using System.Security.Cryptography;
using System.Text;
using ChestXCds.Domain;
using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>The references and ids shared by every resource of one mapped analysis.</summary>
internal sealed class MappingScope
{
    private readonly ResourceReference _patient;
    private readonly ResourceReference _study;
    private readonly ResourceReference? _serviceRequest;
    private readonly string? _idSeed;
    private int _minted;

    private MappingScope(
        ResourceReference patient,
        ResourceReference study,
        ResourceReference? serviceRequest,
        ResourceReference? user,
        IReadOnlyList<ResourceReference> evidenceReports,
        DateTimeOffset issued,
        string? idSeed)
    {
        _idSeed = idSeed;
        DeviceId = NextId();
        ModelCardId = NextId();
        _patient = patient;
        _study = study;
        _serviceRequest = serviceRequest;
        User = user;
        EvidenceReports = evidenceReports;
        Issued = issued;
    }

    public string DeviceId { get; }

    public string ModelCardId { get; }

    public ResourceReference? User { get; }

    public IReadOnlyList<ResourceReference> EvidenceReports { get; }

    public DateTimeOffset Issued { get; }

    /// <summary>
    /// The next resource id (a UUID, 36 of FHIR's 64 characters). The one place ids are minted. Without a seed each
    /// id is random. With <see cref="AnalysisFhirContext.IdSeed"/> (a digest of every input of the mapping) the n-th
    /// id is the SHA-256 of seed and n, shaped as a version-8 UUID (RFC 9562 §5.8): the same inputs give the same
    /// resources, byte for byte, so they can be remembered serialised; other inputs give other ids.
    /// </summary>
    public string NextId()
    {
        var n = _minted++;
        if (_idSeed is null)
        {
            return Guid.NewGuid().ToString("D");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(_idSeed + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }

    public static MappingScope Create(StudyAnalysis analysis, AnalysisFhirContext context)
    {
        var patient = ReferenceRules.Require(context.PatientReference, nameof(context.PatientReference), "Patient");
        var study = ReferenceRules.Require(context.ImagingStudyReference, nameof(context.ImagingStudyReference), "ImagingStudy");
        var uid = DicomUids.Normalize(context.StudyInstanceUid);
        if (uid.Length == 0)
        {
            throw new ArgumentException("StudyInstanceUid is required.", nameof(context));
        }

        if (!string.Equals(uid, DicomUids.Normalize(analysis.StudyInstanceUid), StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The context's Study Instance UID '{uid}' is not the analysed study's '{DicomUids.Normalize(analysis.StudyInstanceUid)}'.",
                nameof(context));
        }

        // FHIR R4 ImagingStudy.identifier: the Study Instance UID as system urn:dicom:uid, value "urn:oid:" + UID.
        study.Identifier = DicomUids.ToIdentifier(uid);
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
        return new MappingScope(patient, study, serviceRequest, user, reports, context.Issued, context.IdSeed);
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
            Id = NextId(),
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
}
