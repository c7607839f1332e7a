using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ChestXCds.Cli.Demo;

/// <summary>The synthetic patient's FHIR resources: the patient, the DICOMweb Endpoint, ImagingStudies and DiagnosticReports.</summary>
public static class DemoFhirData
{
    public const string PatientId = "demo-patient-1";
    public const string PractitionerId = "demo-practitioner-1";
    public const string EndpointId = "demo-orthanc";
    public const string DraftOrderId = "demo-order-cxr";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Json);

    public static Patient Patient() => new()
    {
        Id = PatientId,
        Name = [new HumanName { Family = "Demo", Given = ["Alex"], Text = "Alex Demo (synthetic)" }],
        Gender = AdministrativeGender.Other,
        BirthDate = "1961-04-02",
    };

    /// <summary>The PACS as a FHIR Endpoint; the ImagingStudies reference it, so the service resolves it itself (no _include).</summary>
    public static Endpoint Endpoint(Uri dicomWebBase) => new()
    {
        Id = EndpointId,
        Status = Hl7.Fhir.Model.Endpoint.EndpointStatus.Active,
        ConnectionType = new Hl7.Fhir.Model.Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "dicom-wado-rs", "DICOM WADO-RS"),
        Name = "Demo Orthanc DICOMweb",
        PayloadType = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "DICOM", "DICOM")],
        PayloadMimeType = ["application/dicom"],
        Address = dicomWebBase.AbsoluteUri.TrimEnd('/'),
    };

    public static ImagingStudy Study(DemoStudy study, DemoDicom dicom, DateTimeOffset now) => new()
    {
        Id = study.Id,
        Identifier = [new Identifier("urn:dicom:uid", "urn:oid:" + dicom.StudyInstanceUid)],
        Status = ImagingStudy.ImagingStudyStatus.Available,
        Modality = [new Hl7.Fhir.Model.Coding("http://dicom.nema.org/resources/ontology/DCM", dicom.Modality)],
        Subject = new ResourceReference($"Patient/{PatientId}"),
        Started = new FhirDateTime(now - study.Age).Value,
        Endpoint = [new ResourceReference($"Endpoint/{EndpointId}")],
        NumberOfSeries = 1,
        NumberOfInstances = 1,
        ProcedureCode = [new CodeableConcept("http://loinc.org", "36554-4", "XR Chest Single view", "Chest X-ray, frontal")],
        Description = "XR CHEST 1 VIEW",
        Series =
        [
            new ImagingStudy.SeriesComponent
            {
                Uid = dicom.SeriesInstanceUid,
                Modality = new Hl7.Fhir.Model.Coding("http://dicom.nema.org/resources/ontology/DCM", dicom.Modality),
                BodySite = new Hl7.Fhir.Model.Coding("http://snomed.info/sct", "51185008", "Thoracic structure"),
                NumberOfInstances = 1,
                Instance = [new ImagingStudy.InstanceComponent { Uid = dicom.SopInstanceUid, SopClass = new Hl7.Fhir.Model.Coding("urn:ietf:rfc:3986", "urn:oid:" + dicom.SopClassUid) }],
            },
        ],
    };

    public static DiagnosticReport Report(DemoStudy study, DateTimeOffset now)
    {
        var text = study.ReportText ?? throw new ArgumentException("The study has no report.", nameof(study));
        var issued = now - study.Age + TimeSpan.FromHours(2);
        var impression = text[(text.IndexOf("IMPRESSION:", StringComparison.Ordinal) + "IMPRESSION:".Length)..].Trim();
        return new DiagnosticReport
        {
            Id = "report-" + study.Id,
            Status = DiagnosticReport.DiagnosticReportStatus.Final,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")],
            Code = new CodeableConcept("http://loinc.org", "36554-4", "XR Chest Single view"),
            Subject = new ResourceReference($"Patient/{PatientId}"),
            Effective = new FhirDateTime(now - study.Age),
            Issued = issued,
            ImagingStudy = [new ResourceReference($"ImagingStudy/{study.Id}")],
            Conclusion = impression,
            PresentedForm = [new Attachment { ContentType = "text/plain", Data = Encoding.UTF8.GetBytes(text), Title = "Report" }],
        };
    }

    /// <summary>The draft order being signed: a frontal chest X-ray.</summary>
    public static ServiceRequest DraftOrder() => new()
    {
        Id = DraftOrderId,
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Order,
        Code = new CodeableConcept("http://loinc.org", "36554-4", "XR Chest Single view", "Chest X-ray, 1 view"),
        Subject = new ResourceReference($"Patient/{PatientId}"),
        Requester = new ResourceReference($"Practitioner/{PractitionerId}"),
        ReasonCode = [new CodeableConcept { Text = "Worsening shortness of breath" }],
    };

    /// <summary>A searchset Bundle of <paramref name="resources"/>.</summary>
    public static Bundle Searchset(IReadOnlyList<Resource> resources, string fhirBase) => new()
    {
        Type = Bundle.BundleType.Searchset,
        Total = resources.Count,
        Entry = resources.Select(r => new Bundle.EntryComponent
        {
            FullUrl = $"{fhirBase.TrimEnd('/')}/{r.TypeName}/{r.Id}",
            Resource = r,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }).ToList(),
    };
}
