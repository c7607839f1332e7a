using System.Globalization;

namespace ChestXCds.Analysis.Hooks;

/// <summary>The synthetic hook <see cref="HookWarmup"/> sends through the flow: no real patient, study or report.</summary>
internal static class WarmupRequest
{
    /// <summary>A UID under the UUID-derived root 2.25 (DICOM PS3.5 B.2), used by nothing real.</summary>
    public const string StudyUid = "2.25.1";

    /// <summary>The warm-up's caller: no CDS client has this issuer (issuers are URLs), so nothing it caches is anyone's.</summary>
    public const string Client = "chestxcds:warmup";

    public const string PriorReportText = "FINDINGS: The heart is normal in size. No pleural effusion. No pneumothorax.\nIMPRESSION: No acute cardiopulmonary disease.";

    public static string PatientViewJson(DateTimeOffset now)
    {
        var started = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var reported = now.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        return """
            {"hook":"patient-view","hookInstance":"00000000-0000-4000-8000-000000000001",
             "context":{"userId":"Practitioner/warmup","patientId":"warmup"},
             "prefetch":{
               "patient":{"resourceType":"Patient","id":"warmup"},
               "imagingStudies":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"ImagingStudy","id":"warmup","status":"available",
                 "subject":{"reference":"Patient/warmup"},"started":"STARTED",
                 "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"DX"}],"description":"Chest PA"}}]},
               "diagnosticReports":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"DiagnosticReport","id":"warmup-report","status":"final",
                 "subject":{"reference":"Patient/warmup"},"code":{"text":"Chest radiograph"},"effectiveDateTime":"REPORTED",
                 "imagingStudy":[{"reference":"ImagingStudy/warmup"}],"conclusion":"No acute cardiopulmonary disease."}}]}}}
            """.Replace("STARTED", started, StringComparison.Ordinal).Replace("REPORTED", reported, StringComparison.Ordinal);
    }
}
