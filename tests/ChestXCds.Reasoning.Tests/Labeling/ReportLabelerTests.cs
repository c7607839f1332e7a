using System.Globalization;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Labeling;
using ChestXCds.Testing;

namespace ChestXCds.Reasoning.Tests.Labeling;

// REQ-RSN-03: nih14 and chexpert label sets; the CheXpert labeler's labeled_reports.csv exactly.
public sealed class ReportLabelerTests
{
    private readonly ReportLabeler labeler = new(new ReportFindingExtractor());

    [Fact]
    public void GivenCheXpertLabeledReports_WhenLabelling_ThenEveryCellMatchesTheLabeler()
    {
        var rows = SimpleCsv.Read(File.ReadAllText(TestPaths.SharedFile("data", "reports", "chexpert-labeler", "labeled_reports.csv")));
        var header = rows[0];
        Assert.Equal(LabelSet.CheXpert.Columns.Select(c => c.Column), header.Skip(1));
        foreach (var row in rows.Skip(1))
        {
            var labels = labeler.Label(row[0], LabelSet.CheXpert);
            for (var i = 0; i < labels.Length; i++)
            {
                int? expected = row[i + 1].Length == 0 ? null : (int)double.Parse(row[i + 1], CultureInfo.InvariantCulture);
                Assert.True(expected == labels[i], $"Report '{row[0]}', column '{header[i + 1]}': expected {expected}, got {labels[i]}.");
            }
        }
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
