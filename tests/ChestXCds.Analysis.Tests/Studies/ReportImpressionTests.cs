using ChestXCds.Fhir.Translation;
using System.Text;
using ChestXCds.Analysis.Studies;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Tests.Studies;

public sealed class ReportImpressionTests
{
    [Fact]
    public void GivenConclusion_WhenRead_ThenConclusionWins() =>
        Assert.Equal("Clear lungs.", ReportImpression.Of(ReportRecords.From(new DiagnosticReport { Conclusion = " Clear\n lungs. " })));

    [Fact]
    public void GivenPlainTextReport_WhenRead_ThenImpressionSectionOnly()
    {
        const string text = "FINDINGS: Heart size normal. No effusion.\nIMPRESSION: No acute cardiopulmonary disease.\n  Stable.\nRECOMMENDATION: None.";
        var report = new DiagnosticReport { PresentedForm = [new Attachment { ContentType = "text/plain", Data = Encoding.UTF8.GetBytes(text) }] };

        Assert.Equal("No acute cardiopulmonary disease. Stable.", ReportImpression.Of(ReportRecords.From(report)));
    }

    [Fact]
    public void GivenLowercaseHeadingAndSubHeadingsInside_WhenRead_ThenWholeImpression() =>
        Assert.Equal("1. Small left effusion. heart size: normal", ReportImpression.FromText("Impression:\n1. Small left effusion.\nheart size: normal"));

    [Fact]
    public void GivenNoImpression_WhenRead_ThenNull() =>
        Assert.Null(ReportImpression.Of(ReportRecords.From(new DiagnosticReport { PresentedForm = [new Attachment { ContentType = "application/pdf", Data = [1, 2, 3] }] })));
}
