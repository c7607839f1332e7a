using ChestXCds.Analysis.Cards;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Analysis.Tests.Cards;

/// <summary>REQ-CDS-11: one rule composes the FHIR-only cards and the AI card, so one card speaks of the latest chest radiograph.</summary>
public sealed class CardMergerTests
{
    private static Card Card(Coding topic, CardIndicator indicator = CardIndicator.Info, string? suggestion = null, string? overrideReason = null) => new()
    {
        Summary = topic.Code!,
        Indicator = indicator,
        Source = new CardSource("ChestXCds", topic),
        Suggestions = suggestion is null ? null : [new Suggestion(suggestion)],
        OverrideReasons = overrideReason is null ? null : [new Coding("urn:test", overrideReason, overrideReason)],
    };

    [Fact]
    public void GivenTheAiCardAndTheDuplicateWarning_WhenMerged_ThenOneAiCardKeepsTheRemoveSuggestionAtTheHigherIndicator()
    {
        var ai = Card(CardTopics.ChestAiAnalysis, CardIndicator.Info, "Record AI findings", "disagree");
        var duplicate = Card(CardTopics.PriorChestImaging, CardIndicator.Warning, "Remove the new order", "clinically-indicated");

        var merged = Assert.Single(CardMerger.Merge([duplicate, ai]));

        Assert.Equal(CardTopics.ChestAiAnalysis, merged.Source.Topic);
        Assert.Equal(CardIndicator.Warning, merged.Indicator);
        Assert.Equal(["Remove the new order", "Record AI findings"], merged.Suggestions!.Select(s => s.Label));
        Assert.Equal(SelectionBehavior.Any, merged.SelectionBehavior);
        Assert.Equal(["clinically-indicated", "disagree"], merged.OverrideReasons!.Select(r => r.Code));
    }

    [Fact]
    public void GivenTheAiCardAndTheLatestStudyCard_WhenMerged_ThenTheAiCardAlone() =>
        Assert.Equal([CardTopics.ChestAiAnalysis], CardMerger.Merge([Card(CardTopics.LatestChestStudy), Card(CardTopics.ChestAiAnalysis)]).Select(c => c.Source.Topic));

    [Fact]
    public void GivenThePendingCardAndTheDuplicateWarning_WhenMerged_ThenTheWarningAlone() =>
        Assert.Equal([CardTopics.PriorChestImaging], CardMerger.Merge([Card(CardTopics.PriorChestImaging), Card(CardTopics.ChestAiAnalysisPending)]).Select(c => c.Source.Topic));

    [Fact]
    public void GivenThePendingCardAndTheLatestStudyCard_WhenMerged_ThenThePendingCardAlone() =>
        Assert.Equal([CardTopics.ChestAiAnalysisPending], CardMerger.Merge([Card(CardTopics.LatestChestStudy), Card(CardTopics.ChestAiAnalysisPending)]).Select(c => c.Source.Topic));

    [Fact]
    public void GivenOnlyFhirCards_WhenMerged_ThenUnchanged()
    {
        var duplicate = Card(CardTopics.PriorChestImaging, CardIndicator.Warning, "Remove the new order");

        Assert.Same(duplicate, Assert.Single(CardMerger.Merge([duplicate])));
    }
}
