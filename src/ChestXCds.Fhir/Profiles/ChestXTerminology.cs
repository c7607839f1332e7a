namespace ChestXCds.Fhir.Profiles;

/// <summary>Code system URLs the mapped resources use: the project's own and the external ones.</summary>
public static class ChestXTerminology
{
    public const string ObservationCodes = ChestXProfiles.Canonical + "/CodeSystem/chestx-observation-codes";

    public const string Assertion = ChestXProfiles.Canonical + "/CodeSystem/chestx-assertion";

    public const string StepKind = ChestXProfiles.Canonical + "/CodeSystem/chestx-step-kind";

    public const string StepVerdict = ChestXProfiles.Canonical + "/CodeSystem/chestx-step-verdict";

    public const string TemporalChange = ChestXProfiles.Canonical + "/CodeSystem/chestx-temporal-change";

    public const string EvidenceKind = ChestXProfiles.Canonical + "/CodeSystem/chestx-evidence-kind";

    /// <summary>HL7 v3 ObservationValue; holds AIAST ("Artificial Intelligence asserted").</summary>
    public const string V3ObservationValue = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    public const string AiAssertedCode = "AIAST";

    public const string AiAssertedDisplay = "Artificial Intelligence asserted";

    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public const string V3ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    public const string ProvenanceParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    public const string V3ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /// <summary>AI Transparency on FHIR IG: Device.type codes (Artificial-Intelligence, Deep-Learning-Models, ...).</summary>
    public const string AIDeviceType = "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS";

    /// <summary>AI Transparency on FHIR IG: DocumentReference type/category codes for model cards.</summary>
    public const string AIInputs = "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIinputsCS";

    public const string Snomed = "http://snomed.info/sct";

    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>DICOM UIDs as FHIR identifiers (FHIR R4 ImagingStudy.identifier: value "urn:oid:" + UID).</summary>
    public const string DicomUid = "urn:dicom:uid";
}
