using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;

namespace ChestXCds.Fhir.Tests.Mapping;

/// <summary>Hand-built analyses covering the cases the mapper must handle.</summary>
internal static class AnalysisSamples
{
    public const string StudyUid = "1.2.826.0.1.3680043.8.498.12345";

    public static readonly DateTimeOffset AnalyzedAt = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static readonly ModelDescriptor Model = new(
        "nih-multilabel",
        "1.2.0",
        "CPU",
        "3f2a9c0d5e7b11aa22bb33cc44dd55ee66ff77008899aabbccddeeff00112233",
        "DenseNet-121 trained on NIH ChestX-ray14; flags 14 findings on frontal chest radiographs. Not for paediatric images.");

    public static AnalysisFhirContext Context(bool withOrder = true, bool withUser = true, IReadOnlyList<string>? reports = null) => new(
        "Patient/pat-1",
        "ImagingStudy/study-1",
        "urn:oid:" + StudyUid,
        AnalyzedAt.AddSeconds(2),
        withOrder ? "ServiceRequest/order-7" : null,
        withUser ? "Practitioner/dr-3" : null,
        reports);

    /// <summary>Effusion present (model + prior report agree, worsening), cardiomegaly positive score without a chain.</summary>
    public static StudyAnalysis FindingsPresent(bool withPriorReports = true)
    {
        var reports = withPriorReports ? new[] { "DiagnosticReport/rep-1" } : [];
        var steps = new List<ReasoningStep>
        {
            new(0, StepKind.Plan, "Effusion", "Look for blunting of the costophrenic angles and compare with the prior report.", null, [], StepVerdict.Unverifiable, "A plan makes no claim."),
            new(1, StepKind.ImageEvidence, "Effusion", "The model scores pleural effusion at 0.87, above its threshold of 0.42.", Assertion.Present,
                [new Evidence(EvidenceKind.ImageScore, "Model probability for Effusion", "nih-multilabel 1.2.0", Score: 0.87, Threshold: 0.42)],
                StepVerdict.Supported, "The score is above the threshold."),
        };
        if (withPriorReports)
        {
            steps.Add(new(2, StepKind.PriorReportEvidence, "Effusion", "The prior report describes a small left pleural effusion.", Assertion.Present,
                [new Evidence(EvidenceKind.ReportSentence, "Prior report sentence", "DiagnosticReport/rep-1", "Small left pleural effusion.",
                    new TextSpan(10, 28), new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), Assertion: Assertion.Present)],
                StepVerdict.Supported, "The quote asserts the finding present."));
            steps.Add(new(3, StepKind.TemporalComparison, "Effusion", "The effusion is larger than on the prior study.", Assertion.Present,
                [new Evidence(EvidenceKind.Step, "Steps 1 and 2", "step:1")], StepVerdict.Unverifiable, "Size is not measured."));
        }

        steps.Add(new(steps.Count, StepKind.Conclusion, "Effusion", "Pleural effusion is present.", Assertion.Present,
            [new Evidence(EvidenceKind.Step, "Image and report evidence agree")], StepVerdict.Supported, "Follows from the supported steps."));

        return new StudyAnalysis(
            StudyUid,
            "1.2.826.0.1.3680043.8.498.12345.1.1",
            Model,
            [new FindingScore("Effusion", 0.87, 0.42), new FindingScore("Cardiomegaly", 0.61, 0.5), new FindingScore("Pneumothorax", 0.03, 0.3)],
            [new ReasoningChain("Is there a pleural effusion?", "Effusion", steps, Assertion.Present, 0.9,
                withPriorReports ? TemporalChange.Worsening : TemporalChange.Unknown)],
            reports,
            AnalyzedAt);
    }

    /// <summary>Nothing above threshold and no chain.</summary>
    public static StudyAnalysis NoFindings() => new(
        StudyUid,
        null,
        Model,
        [new FindingScore("Effusion", 0.05, 0.42), new FindingScore("Pneumothorax", 0.01, 0.3)],
        [],
        [],
        AnalyzedAt);

    /// <summary>Model borderline, prior report hedged: the chain concludes uncertain; one step left unverified.</summary>
    public static StudyAnalysis Uncertain() => new(
        StudyUid,
        null,
        Model,
        [new FindingScore("Pneumonia", 0.38, 0.4)],
        [new ReasoningChain("Is there pneumonia?", "Pneumonia",
            [
                new(0, StepKind.ImageEvidence, "Pneumonia", "The model scores pneumonia at 0.38, just below its threshold.", Assertion.Uncertain,
                    [new Evidence(EvidenceKind.ImageScore, "Model probability for Pneumonia", Score: 0.38, Threshold: 0.4)],
                    StepVerdict.Supported, "Score is within 0.05 of the threshold."),
                new(1, StepKind.PriorReportEvidence, "Pneumonia", "The prior report says pneumonia cannot be excluded.", Assertion.Uncertain,
                    [new Evidence(EvidenceKind.ReportSentence, "Prior report sentence", "DiagnosticReport/rep-9", "Pneumonia cannot be excluded.", Assertion: Assertion.Uncertain)]),
                new(2, StepKind.Conclusion, "Pneumonia", "Pneumonia is uncertain.", Assertion.Uncertain, [], StepVerdict.Supported),
            ],
            Assertion.Uncertain, 0.5, TemporalChange.Unknown)],
        ["DiagnosticReport/rep-9"],
        AnalyzedAt);
}
