using System.Globalization;

namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>FHIR R4 JSON as an EHR's server returns it, with times relative to now so that look-backs hold.</summary>
public static class FhirFixtures
{
    public const string PatientId = "pat-7781";
    public const string AccessToken = "fhir-access-token-s3cr3t-0a1b2c";
    public const string StudyUid = "1.2.826.0.1.3680043.8.498.11122233344455";

    public static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Patient(string id = PatientId) => $$$"""
        {"resourceType":"Patient","id":"{{{id}}}","identifier":[{"system":"urn:oid:1.2.36.146.595.217.0.1","value":"MRN-99812"}],
         "name":[{"family":"Quinlan","given":["Ada"]}],"gender":"female","birthDate":"1961-04-02"}
        """;

    /// <summary>A chest CR study with series body site chest.</summary>
    public static string ChestStudy(string id, DateTimeOffset started, string modality = "CR", string patientId = PatientId, string uid = StudyUid) => $$$"""
        {"resourceType":"ImagingStudy","id":"{{{id}}}","status":"available",
         "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:{{{uid}}}"}],
         "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"{{{modality}}}"}],
         "subject":{"reference":"Patient/{{{patientId}}}"},"started":"{{{Time(started)}}}",
         "procedureCode":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"71046","display":"Radiologic examination, chest; 2 views"}],"text":"XR CHEST 2 VIEWS"}],
         "numberOfSeries":1,"numberOfInstances":2,
         "series":[{"uid":"{{{uid}}}.1","number":1,"modality":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"{{{modality}}}"},
                    "bodySite":{"system":"http://snomed.info/sct","code":"51185008","display":"Thoracic structure"},"numberOfInstances":2}]}
        """;

    public static string HeadCtStudy(string id, DateTimeOffset started) => $$$"""
        {"resourceType":"ImagingStudy","id":"{{{id}}}","status":"available","subject":{"reference":"Patient/{{{PatientId}}}"},
         "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}],"started":"{{{Time(started)}}}",
         "series":[{"uid":"1.2.3.4.5.6","modality":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"},
                    "bodySite":{"system":"http://snomed.info/sct","code":"69536005","display":"Head structure"}}]}
        """;

    public static string Report(string id, string studyId, DateTimeOffset issued, string conclusion) => $$$"""
        {"resourceType":"DiagnosticReport","id":"{{{id}}}","status":"final",
         "category":[{"coding":[{"system":"http://loinc.org","code":"LP29684-5","display":"Radiology"}]}],
         "code":{"coding":[{"system":"http://loinc.org","code":"36643-5","display":"XR Chest 2 Views"}]},
         "subject":{"reference":"Patient/{{{PatientId}}}"},"issued":"{{{Time(issued)}}}",
         "imagingStudy":[{"reference":"ImagingStudy/{{{studyId}}}"}],"conclusion":"{{{conclusion}}}"}
        """;

    public static string Searchset(params string[] resources) => PagedSearchset(null, resources);

    public static string PagedSearchset(string? nextUrl, params string[] resources)
    {
        var entries = string.Join(",", resources.Select(r => "{\"resource\":" + r + "}"));
        var next = nextUrl is null ? string.Empty : $$$""","link":[{"relation":"next","url":"{{{nextUrl}}}"}]""";
        return $$$"""{"resourceType":"Bundle","type":"searchset","total":{{{resources.Length}}}{{{next}}},"entry":[{{{entries}}}]}""";
    }

    public static string OperationOutcome() =>
        """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception","diagnostics":"upstream timeout"}]}""";

    /// <summary>A draft order Bundle with one chest X-ray ServiceRequest (CPT 71046) and one medication order.</summary>
    public static string DraftOrders(string code = "71046", string system = "http://www.ama-assn.org/go/cpt") => $$$"""
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"ServiceRequest","id":"sr-cxr-1","status":"draft","intent":"order",
            "code":{"coding":[{"system":"{{{system}}}","code":"{{{code}}}","display":"XR chest 2 views"}],"text":"XR Chest 2 Views"},
            "subject":{"reference":"Patient/{{{PatientId}}}"} } },
          {"resource":{"resourceType":"MedicationRequest","id":"mr-1","status":"draft","intent":"order",
            "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"617314","display":"atorvastatin 10 MG Oral Tablet"}]},
            "subject":{"reference":"Patient/{{{PatientId}}}"} } }]}
        """;
}
