using ChestXCds.Domain.Records;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Studies;
using ChestXCds.Analysis.Tests.Studies;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Tests.Cards;

public sealed class CardComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ChestStudy Chest(string? impression) =>
        new(StudySelectorTests.Record("s1", Now.AddHours(-5)), Now.AddHours(-5), "CR", null, impression);

    [Fact]
    public void GivenRecentStudy_WhenDuplicateCardComposed_ThenWarningThatPassesEveryRule()
    {
        var order = new OrderRecord("ServiceRequest", "sr1", [], "XR Chest");

        var card = CardRules.Normalize(CardComposer.PriorChestImaging(Chest("Clear [link](https://evil.example)"), 2, [order], Now));

        Assert.Empty(CardRules.Violations(card));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Contains("5 h ago", card.Summary, StringComparison.Ordinal);
        Assert.Contains("\\[link\\]\\(https://evil\\.example\\)", card.Detail, StringComparison.Ordinal);
        Assert.Contains("2 chest radiographs", card.Detail, StringComparison.Ordinal);
        Assert.All(card.OverrideReasons!, r => Assert.False(string.IsNullOrEmpty(r.Display)));
    }

    [Fact]
    public void GivenStudy_WhenLatestCardComposed_ThenInfoWithoutSuggestions()
    {
        var card = CardRules.Normalize(CardComposer.LatestChestStudy(Chest(null), Now));

        Assert.Empty(CardRules.Violations(card));
        Assert.Equal(CardIndicator.Info, card.Indicator);
        Assert.Null(card.Suggestions);
        Assert.Contains("no report impression", card.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, "30 min")]
    [InlineData(60 * 5, "5 h")]
    [InlineData(60 * 24 * 3, "3 d")]
    [InlineData(60 * 24 * 90, "2 mo")]
    public void GivenAge_WhenFormatted_ThenWholeUnits(int minutes, string expected) =>
        Assert.Equal(expected, CardComposer.Age(TimeSpan.FromMinutes(minutes)));
}
