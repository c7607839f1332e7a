using ChestXCds.Domain;

namespace ChestXCds.Domain.Tests;

public class FindingCatalogTests
{
    [Fact]
    public void GivenNih14Labels_WhenLookedUp_ThenEachIsInTheCatalogWithASnomedCode()
    {
        foreach (var id in FindingCatalog.Nih14)
        {
            var definition = FindingCatalog.Get(id);
            Assert.Equal(FindingCode.SnomedCt, definition.Code.System);
            Assert.False(string.IsNullOrWhiteSpace(definition.Code.Code));
        }
    }

    [Fact]
    public void GivenCheXpertColumns_WhenMapped_ThenEachMapsToACatalogFinding()
    {
        Assert.Equal(14, FindingCatalog.CheXpert14.Count);
        Assert.All(FindingCatalog.CheXpert14, c => Assert.True(FindingCatalog.TryGet(c.FindingId, out _)));
    }

    [Fact]
    public void GivenAnUnknownId_WhenGet_ThenTheErrorNamesIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => FindingCatalog.Get("Dragon"));
        Assert.Contains("Dragon", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAScoreAtItsThreshold_WhenAsked_ThenItIsPositive()
    {
        Assert.True(new FindingScore("Effusion", 0.3665, 0.3665).IsPositive);
        Assert.False(new FindingScore("Effusion", 0.3664, 0.3665).IsPositive);
    }
}
