using ChestXCds.Domain;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>Codings the mapper writes, with the displays their code systems define (validators compare displays).</summary>
internal static class MappingCodes
{
    public static Coding AiAsserted() =>
        new(ChestXTerminology.V3ObservationValue, ChestXTerminology.AiAssertedCode, ChestXTerminology.AiAssertedDisplay);

    public static CodeableConcept ImagingCategory() =>
        new(ChestXTerminology.ObservationCategory, "imaging", "Imaging");

    /// <summary>SNOMED CT 51185008 |Thoracic structure|: the body site of a chest radiograph.</summary>
    public static CodeableConcept ChestBodySite() =>
        new(ChestXTerminology.Snomed, "51185008", "Thoracic structure");

    public static CodeableConcept Local(string code, string display) =>
        new(ChestXTerminology.ObservationCodes, code, display);

    public static CodeableConcept Finding(FindingDefinition definition) =>
        new(definition.Code.System, definition.Code.Code, definition.Code.Display, definition.Display);

    public static CodeableConcept Assertion(Assertion assertion) => assertion switch
    {
        Domain.Assertion.Present => new(ChestXTerminology.Assertion, "present", "Present"),
        Domain.Assertion.Absent => new(ChestXTerminology.Assertion, "absent", "Absent"),
        _ => new(ChestXTerminology.Assertion, "uncertain", "Uncertain"),
    };

    public static string AssertionCode(Assertion assertion) => assertion switch
    {
        Domain.Assertion.Present => "present",
        Domain.Assertion.Absent => "absent",
        _ => "uncertain",
    };

    /// <summary>HL7 v3 ObservationInterpretation POS / NEG / IND for present / absent / uncertain.</summary>
    public static CodeableConcept Interpretation(Assertion assertion) => assertion switch
    {
        Domain.Assertion.Present => new(ChestXTerminology.V3ObservationInterpretation, "POS", "Positive"),
        Domain.Assertion.Absent => new(ChestXTerminology.V3ObservationInterpretation, "NEG", "Negative"),
        _ => new(ChestXTerminology.V3ObservationInterpretation, "IND", "Indeterminate"),
    };

    public static CodeableConcept StepKind(StepKind kind) => kind switch
    {
        Domain.StepKind.Plan => new(ChestXTerminology.StepKind, "plan", "Plan"),
        Domain.StepKind.ImageEvidence => new(ChestXTerminology.StepKind, "image-evidence", "Image evidence"),
        Domain.StepKind.PriorReportEvidence => new(ChestXTerminology.StepKind, "prior-report-evidence", "Prior report evidence"),
        Domain.StepKind.TemporalComparison => new(ChestXTerminology.StepKind, "temporal-comparison", "Temporal comparison"),
        _ => new(ChestXTerminology.StepKind, "conclusion", "Conclusion"),
    };

    public static CodeableConcept Verdict(StepVerdict verdict) => verdict switch
    {
        StepVerdict.Supported => new(ChestXTerminology.StepVerdict, "supported", "Supported"),
        StepVerdict.Contradicted => new(ChestXTerminology.StepVerdict, "contradicted", "Contradicted"),
        _ => new(ChestXTerminology.StepVerdict, "unverifiable", "Unverifiable"),
    };

    public static CodeableConcept Change(TemporalChange change) => change switch
    {
        TemporalChange.New => new(ChestXTerminology.TemporalChange, "new", "New"),
        TemporalChange.Stable => new(ChestXTerminology.TemporalChange, "stable", "Stable"),
        TemporalChange.Worsening => new(ChestXTerminology.TemporalChange, "worsening", "Worsening"),
        TemporalChange.Improving => new(ChestXTerminology.TemporalChange, "improving", "Improving"),
        TemporalChange.Resolved => new(ChestXTerminology.TemporalChange, "resolved", "Resolved"),
        _ => new(ChestXTerminology.TemporalChange, "unknown", "Unknown"),
    };

    public static string EvidenceKindCode(EvidenceKind kind) => kind switch
    {
        EvidenceKind.ImageScore => "image-score",
        EvidenceKind.ReportSentence => "report-sentence",
        EvidenceKind.Knowledge => "knowledge",
        _ => "step",
    };

    /// <summary>A 0..1 ratio as a UCUM dimensionless Quantity (unit "1"), rounded to 4 decimals.</summary>
    public static Quantity Ratio(double value) => new()
    {
        Value = Math.Round((decimal)value, 4),
        Unit = "1",
        System = ChestXTerminology.Ucum,
        Code = "1",
    };

    public static Meta Meta(string profile) => new()
    {
        Profile = [profile],
        Security = [AiAsserted()],
    };
}
