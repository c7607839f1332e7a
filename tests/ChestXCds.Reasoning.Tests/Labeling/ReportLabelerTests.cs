using System.Globalization;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Labeling;
using ChestXCds.Testing;
using nietras.SeparatedValues;

namespace ChestXCds.Reasoning.Tests.Labeling;

// REQ-RSN-03: nih14 and chexpert label sets; the CheXpert labeler's labeled_reports.csv exactly.
public sealed class ReportLabelerTests
{
    private readonly ReportLabeler labeler = new(new ReportFindingExtractor());

    [Fact]
    public void GivenCheXpertLabeledReports_WhenLabelling_ThenEveryCellMatchesTheLabeler()
    {
        using var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true })
            .FromFile(TestPaths.SharedFile("data", "reports", "chexpert-labeler", "labeled_reports.csv"));
        var header = csv.Header.ColNames;
        Assert.Equal(LabelSet.CheXpert.Columns.Select(c => c.Column), header.Skip(1));
        var reports = 0;
        foreach (var row in csv)
        {
            var report = row[0].ToString();
            var labels = labeler.Label(report, LabelSet.CheXpert);
            for (var i = 0; i < labels.Length; i++)
            {
                var cell = row[i + 1].Span;
                int? expected = cell.IsEmpty ? null : (int)double.Parse(cell, CultureInfo.InvariantCulture);
                Assert.True(expected == labels[i], $"Report '{report}', column '{header[i + 1]}': expected {expected}, got {labels[i]}.");
            }

            reports++;
        }

        Assert.True(reports > 0);
    }

    [Fact]
    public void GivenNormalReport_WhenLabellingNih14_ThenNoFindingIsOneAndMentionedFindingsZero()
    {
        var labels = labeler.Label("FINDINGS: Heart size normal. No pleural effusion or pneumothorax.", LabelSet.Nih14);
        var columns = LabelSet.Nih14.Columns.Select(c => c.Column).ToList();
        Assert.Equal(1, labels[columns.IndexOf("No Finding")]);
        Assert.Equal(0, labels[columns.IndexOf("Cardiomegaly")]);
        Assert.Equal(0, labels[columns.IndexOf("Effusion")]);
        Assert.Null(labels[columns.IndexOf("Mass")]);
    }

    [Fact]
    public void GivenIndicationMention_WhenLabelling_ThenItIsIgnored()
    {
        var labels = labeler.Label("INDICATION: Rule out pneumonia.\nFINDINGS: Lungs are clear.", LabelSet.Nih14);
        var columns = LabelSet.Nih14.Columns.Select(c => c.Column).ToList();
        Assert.Null(labels[columns.IndexOf("Pneumonia")]);
        Assert.Equal(1, labels[columns.IndexOf("No Finding")]);
    }

    [Fact]
    public void GivenOtherAbnormality_WhenLabellingNih14_ThenNoFindingIsEmpty()
    {
        var labels = labeler.Label("FINDINGS: Lungs are clear. Thoracic scoliosis.", LabelSet.Nih14);
        Assert.Null(labels[^1]);
    }

    [Theory]
    [InlineData("FINDINGS: Heart size is upper limits of normal. Lungs are clear.", 1)]
    [InlineData("FINDINGS: Lungs are clear. Levoscoliosis of the thoracic spine.", null)]
    [InlineData("FINDINGS: Lungs are clear. Probable nerve stimulator noted.", null)]
    public void GivenNormalVariantOrOtherFinding_WhenLabellingNih14_ThenNoFindingFollowsOpenIIndexing(string text, int? expected)
    {
        Assert.Equal(expected, labeler.Label(text, LabelSet.Nih14)[^1]);
    }
}
