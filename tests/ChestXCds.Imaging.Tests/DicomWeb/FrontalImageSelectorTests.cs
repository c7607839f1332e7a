using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.Tests.DicomWeb;

public sealed class FrontalImageSelectorTests
{
    private static DicomInstanceSummary Instance(string sop, string? modality, string? view, string? bodyPart = "CHEST", int? number = null) =>
        new("1.2.3", sop, null, modality, view, bodyPart, number);

    // REQ-IMG-02
    [Fact]
    public void GivenLateralApAndPa_WhenChosen_ThenPa()
    {
        var chosen = FrontalImageSelector.Choose([Instance("1", "DX", "LL"), Instance("2", "CR", "AP"), Instance("3", "DX", "PA")]);

        Assert.Equal("3", chosen.SopInstanceUid);
    }

    [Fact]
    public void GivenApAndUnstatedView_WhenChosen_ThenAp()
    {
        var chosen = FrontalImageSelector.Choose([Instance("1", "DX", null), Instance("2", "DX", "AP")]);

        Assert.Equal("2", chosen.SopInstanceUid);
    }

    [Fact]
    public void GivenNoBodyPart_WhenChosen_ThenTheRadiographIsStillAccepted()
    {
        var chosen = FrontalImageSelector.Choose([Instance("1", "DX", "PA", bodyPart: null)]);

        Assert.Equal("1", chosen.SopInstanceUid);
    }

    [Fact]
    public void GivenTwoPaViews_WhenChosen_ThenTheLowerInstanceNumber()
    {
        var chosen = FrontalImageSelector.Choose([Instance("1", "DX", "PA", number: 2), Instance("2", "DX", "PA", number: 1)]);

        Assert.Equal("2", chosen.SopInstanceUid);
    }

    [Fact]
    public void GivenOnlyUnsuitableInstances_WhenChosen_ThenTheReasonNamesEachKind()
    {
        var error = Assert.Throws<NoSuitableImageException>(() => FrontalImageSelector.Choose(
            [Instance("1", "CT", "PA"), Instance("2", "DX", "LL"), Instance("3", "DX", "LL"), Instance("4", "CR", "PA", "ABDOMEN"), Instance("5", "SR", null)]));

        Assert.Contains("1 instance: modality CT is not CR or DX", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 instances: view LL is not frontal", error.Message, StringComparison.Ordinal);
        Assert.Contains("body part ABDOMEN is not CHEST", error.Message, StringComparison.Ordinal);
        Assert.Contains("modality SR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoInstances_WhenChosen_ThenNoSuitableImage()
    {
        Assert.Throws<NoSuitableImageException>(() => FrontalImageSelector.Choose([]));
    }
}
