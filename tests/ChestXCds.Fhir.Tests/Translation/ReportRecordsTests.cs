using System.Text;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Tests.Translation;

/// <summary>REQ-FHIR-03: a DiagnosticReport is read once into a record: status, date, text, what it is about.</summary>
public sealed class ReportRecordsTests
{
    [Fact]
    public void GivenAFinalReportWithTextAndConclusion_WhenTranslated_ThenEveryFieldTheAnalysisUses()
    {
        var report = new DiagnosticReport
        {
            Id = "r1",
            Status = DiagnosticReport.DiagnosticReportStatus.Amended,
            Effective = new Period { Start = "2026-10-01T08:00:00Z" },
            Issued = new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero),
            Conclusion = " Small effusion. ",
            PresentedForm = [new Attachment { ContentType = "application/pdf", Data = [1] }, new Attachment { ContentType = "text/plain; charset=utf-8", Data = Encoding.UTF8.GetBytes("FINDINGS: x\nIMPRESSION: y") }],
            ImagingStudy = [new ResourceReference("ImagingStudy/s1")],
            BasedOn = [new ResourceReference("ServiceRequest/o1")],
        };

        var record = ReportRecords.From(report);

        Assert.Equal("DiagnosticReport/r1", record.Reference);
        Assert.Equal(ReportStatus.Amended, record.Status);
        Assert.True(record.IsFinal);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), record.Date);
        Assert.Equal("Small effusion.", record.Conclusion);
        Assert.Equal("FINDINGS: x\nIMPRESSION: y", record.EvidenceText);
        Assert.Equal(["ImagingStudy/s1"], record.ImagingStudies);
        Assert.Equal(["ServiceRequest/o1"], record.BasedOn);
    }

    [Fact]
    public void GivenOnlyAConclusion_WhenTranslated_ThenTheEvidenceTextIsTheImpression()
    {
        var record = ReportRecords.From(new DiagnosticReport { Issued = DateTimeOffset.UnixEpoch, Conclusion = "Clear lungs.", Status = DiagnosticReport.DiagnosticReportStatus.EnteredInError });

        Assert.Equal("IMPRESSION: Clear lungs.", record.EvidenceText);
        Assert.Equal(DateTimeOffset.UnixEpoch, record.Date);
        Assert.True(record.Withdrawn);
        Assert.Null(record.Reference);
    }
}
