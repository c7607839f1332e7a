using ChestXCds.Fhir.Translation;
using System.Text;
using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Precompute;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Tests.Analyzing;

/// <summary>REQ-ANA-05: which reports count as prior evidence for a study.</summary>
public sealed class PriorReportCollectorTests
{
    private static readonly DateTimeOffset StudyStarted = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static DiagnosticReport Report(string id, DateTimeOffset effective, string? conclusion = null, string? text = null, DiagnosticReport.DiagnosticReportStatus status = DiagnosticReport.DiagnosticReportStatus.Final) => new()
    {
        Id = id,
        Status = status,
        Effective = new FhirDateTime(effective),
        Conclusion = conclusion,
        PresentedForm = text is null ? [] : [new Attachment { ContentType = "text/plain", Data = Encoding.UTF8.GetBytes(text) }],
    };

    [Fact]
    public void GivenReportsAroundTheStudy_WhenCollected_ThenOnlyEarlierUsableReportsComeNewestFirst()
    {
        // REQ-ANA-05
        var reports = new[]
        {
            Report("old", StudyStarted.AddDays(-300), conclusion: "Clear lungs."),
            Report("own", StudyStarted.AddHours(1), conclusion: "The study's own report."),
            Report("recent", StudyStarted.AddDays(-10), text: "FINDINGS: Small left effusion.\nIMPRESSION: Effusion."),
            Report("void", StudyStarted.AddDays(-5), conclusion: "Entered in error.", status: DiagnosticReport.DiagnosticReportStatus.EnteredInError),
            Report("empty", StudyStarted.AddDays(-2)),
        };

        var priors = PriorReportCollector.Before(reports.Select(ReportRecords.From), StudyStarted, max: 5);

        Assert.Equal(["DiagnosticReport/recent", "DiagnosticReport/old"], priors.Select(p => p.Reference));
        Assert.StartsWith("FINDINGS: Small left effusion.", priors[0].Text, StringComparison.Ordinal);
        Assert.Equal("IMPRESSION: Clear lungs.", priors[1].Text);
    }

    [Fact]
    public void GivenMoreReportsThanTheLimit_WhenCollected_ThenTheNewestAreKept()
    {
        // REQ-ANA-05
        var reports = Enumerable.Range(1, 8).Select(i => Report($"r{i}", StudyStarted.AddDays(-i), conclusion: "No change.")).ToList();

        var priors = PriorReportCollector.Before(reports.Select(ReportRecords.From), StudyStarted, max: 3);

        Assert.Equal(["DiagnosticReport/r1", "DiagnosticReport/r2", "DiagnosticReport/r3"], priors.Select(p => p.Reference));
    }
}
