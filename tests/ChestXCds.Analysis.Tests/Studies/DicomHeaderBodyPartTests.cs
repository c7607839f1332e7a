using ChestXCds.Analysis.Studies;
using ChestXCds.Imaging.DicomWeb;

namespace ChestXCds.Analysis.Tests.Studies;

/// <summary>REQ-CDS-13: what in a study's DICOM header makes a radiograph with sparse FHIR metadata a chest radiograph.</summary>
public sealed class DicomHeaderBodyPartTests
{
    private static DicomSeriesSummary Series(string? bodyPart = null, string? seriesDescription = null, string? studyDescription = null, string modality = "DX") =>
        new(modality, bodyPart, seriesDescription, studyDescription);

    [Theory]
    [InlineData("CHEST")]
    [InlineData("chest")]
    [InlineData("LUNG")]
    [InlineData("THORAX")]
    public void GivenAChestBodyPartExamined_WhenRead_ThenChest(string bodyPart) =>
        Assert.True(DicomHeaderBodyPart.SaysChest([Series(bodyPart)]));

    [Fact]
    public void GivenAnotherBodyPartAndAChestDescription_WhenRead_ThenTheBodyPartWins() =>
        Assert.False(DicomHeaderBodyPart.SaysChest([Series("KNEE", studyDescription: "Chest clinic referral")]));

    [Fact]
    public void GivenAChestSeriesBesideAKneeSeries_WhenRead_ThenChest() =>
        Assert.True(DicomHeaderBodyPart.SaysChest([Series("KNEE"), Series("CHEST")]));

    [Theory]
    [InlineData("XR CHEST PA", null)]
    [InlineData(null, "CXR portable")]
    [InlineData("Thorax p.a.", null)]
    [InlineData(null, "Lungs AP supine")]
    public void GivenNoBodyPartAndAChestWordInADescription_WhenRead_ThenChest(string? study, string? series) =>
        Assert.True(DicomHeaderBodyPart.SaysChest([Series(studyDescription: study, seriesDescription: series)]));

    [Theory]
    [InlineData("No Finding")]
    [InlineData("THORACIC SPINE 2 VIEWS")]
    [InlineData(null)]
    public void GivenNoBodyPartAndNoChestWord_WhenRead_ThenNotChest(string? description) =>
        Assert.False(DicomHeaderBodyPart.SaysChest([Series(studyDescription: description)]));

    [Fact]
    public void GivenOnlyAChestBodyPartOnANonRadiographSeries_WhenRead_ThenNotChest() =>
        Assert.False(DicomHeaderBodyPart.SaysChest([Series("CHEST", modality: "CT"), Series(modality: "SR")]));

    [Fact]
    public void GivenNoSeries_WhenRead_ThenNotChest() =>
        Assert.False(DicomHeaderBodyPart.SaysChest([]));
}
