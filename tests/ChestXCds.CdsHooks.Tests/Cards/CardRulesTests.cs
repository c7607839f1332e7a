using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.CdsHooks.Tests.Cards;

/// <summary>REQ-CDS-05: the card rules, one test per rule; ported from the Inferno Da Vinci CRD test kit's card checks (cards_validation.rb).</summary>
public sealed class CardRulesTests
{
    private static Card Valid() => CardRules.Normalize(new Card
    {
        Summary = "Chest radiograph already done 5 h ago",
        Detail = "**Impression:** clear",
        Indicator = CardIndicator.Warning,
        Source = new CardSource("ChestXCds", CardTopics.PriorChestImaging),
        Suggestions = [new Suggestion("Remove the order", [new CdsAction("delete", "Remove draft order", ResourceId: ["ServiceRequest/1"])])],
        OverrideReasons = [new Coding("urn:x", "why", "Because")],
        Links = [new CardLink("Viewer", "https://viewer.example/launch", CardLinkTypes.Smart, "study=1")],
    });

    [Fact]
    public void GivenWellFormedCard_WhenChecked_ThenNoViolations() => Assert.Empty(CardRules.Violations(Valid()));

    [Fact]
    public void GivenCardWithoutUuid_WhenNormalized_ThenCardAndSuggestionsGetUuids()
    {
        var card = CardRules.Normalize(Valid() with { Uuid = null, Suggestions = [new Suggestion("x", [new CdsAction("delete", "d", ResourceId: ["ServiceRequest/1"])])] });

        Assert.True(Guid.TryParse(card.Uuid, out _));
        Assert.True(Guid.TryParse(card.Suggestions![0].Uuid, out _));
    }

    [Fact]
    public void GivenMissingUuid_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Uuid = null }, "uuid");

    [Fact]
    public void GivenSummaryOf140Characters_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Summary = new string('a', 140) }, "summary");

    [Fact]
    public void GivenEmptySummary_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Summary = " " }, "summary");

    [Fact]
    public void GivenLongSummary_WhenNormalized_ThenUnder140WithEllipsis()
    {
        var card = CardRules.Normalize(Valid() with { Summary = new string('a', 300) });

        Assert.True(card.Summary.Length < 140);
        Assert.EndsWith("…", card.Summary, StringComparison.Ordinal);
        Assert.Empty(CardRules.Violations(card));
    }

    [Fact]
    public void GivenUndefinedIndicator_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Indicator = (CardIndicator)9 }, "indicator");

    [Theory]
    [InlineData(CardIndicator.Info, "info")]
    [InlineData(CardIndicator.Warning, "warning")]
    [InlineData(CardIndicator.Critical, "critical")]
    public void GivenIndicator_WhenSerialized_ThenSpecSpelling(CardIndicator indicator, string expected) =>
        Assert.Contains($"\"indicator\":\"{expected}\"", JsonSerializer.Serialize(Valid() with { Indicator = indicator }, CdsHooksJson.Options), StringComparison.Ordinal);

    [Fact]
    public void GivenMissingSourceLabel_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Source = new CardSource("", CardTopics.PriorChestImaging) }, "source.label");

    [Fact]
    public void GivenMissingTopic_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Source = new CardSource("ChestXCds") }, "source.topic");

    [Fact]
    public void GivenTopicWithoutSystem_WhenChecked_ThenViolation() => AssertViolation(Valid() with { Source = new CardSource("ChestXCds", new Coding(null, "x")) }, "source.topic");

    [Fact]
    public void GivenSuggestionsWithoutSelectionBehavior_WhenChecked_ThenViolation() => AssertViolation(Valid() with { SelectionBehavior = null }, "selectionBehavior");

    [Fact]
    public void GivenSuggestions_WhenNormalized_ThenSelectionBehaviorAny()
    {
        var card = CardRules.Normalize(Valid() with { SelectionBehavior = null });

        Assert.Equal(SelectionBehavior.Any, card.SelectionBehavior);
        Assert.Contains("\"selectionBehavior\":\"any\"", JsonSerializer.Serialize(card, CdsHooksJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenSelectionBehaviorWithoutSuggestions_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = null, SelectionBehavior = SelectionBehavior.Any }, "selectionBehavior");

    [Fact]
    public void GivenSuggestionWithoutLabel_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("", null, Guid.NewGuid().ToString())] }, "suggestions[0].label");

    [Fact]
    public void GivenEmptyActions_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("x", [], Guid.NewGuid().ToString())] }, "suggestions[0].actions");

    [Fact]
    public void GivenActionOfUnknownType_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("x", [new CdsAction("upsert", "d")], Guid.NewGuid().ToString())] }, "actions[0].type");

    [Fact]
    public void GivenActionWithoutDescription_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("x", [new CdsAction("delete", "", ResourceId: ["A/1"])], Guid.NewGuid().ToString())] }, "actions[0].description");

    [Fact]
    public void GivenCreateWithoutResource_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("x", [new CdsAction("create", "d")], Guid.NewGuid().ToString())] }, "actions[0].resource");

    [Fact]
    public void GivenCreateWithNonFhirResource_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("x", [new CdsAction("create", "d", ActionResource.FromJsonObject(new JsonObject { ["id"] = "1" }))], Guid.NewGuid().ToString())] }, "actions[0].resource");

    [Fact]
    public void GivenDeleteWithoutResourceId_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Suggestions = [new Suggestion("x", [new CdsAction("delete", "d")], Guid.NewGuid().ToString())] }, "actions[0].resourceId");

    [Fact]
    public void GivenOverrideReasonWithoutDisplay_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { OverrideReasons = [new Coding("urn:x", "why")] }, "overrideReasons[0]");

    [Fact]
    public void GivenLinkOfUnknownType_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Links = [new CardLink("l", "https://x.example", "popup")] }, "links[0].type");

    [Fact]
    public void GivenRelativeLinkUrl_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Links = [new CardLink("l", "/viewer", CardLinkTypes.Absolute)] }, "links[0].url");

    [Fact]
    public void GivenAppContextOnAbsoluteLink_WhenChecked_ThenViolation() =>
        AssertViolation(Valid() with { Links = [new CardLink("l", "https://x.example", CardLinkTypes.Absolute, "ctx")] }, "links[0].appContext");

    [Fact]
    public void GivenAppContextOnAbsoluteLink_WhenNormalized_ThenRemovedButKeptOnSmartLinks()
    {
        var card = CardRules.Normalize(Valid() with
        {
            Links = [new CardLink("a", "https://x.example", CardLinkTypes.Absolute, "ctx"), new CardLink("s", "https://x.example/launch", CardLinkTypes.Smart, "ctx")],
        });

        Assert.Null(card.Links![0].AppContext);
        Assert.Equal("ctx", card.Links[1].AppContext);
    }

    [Fact]
    public void GivenCardWithEmptyAndNullMembers_WhenSerialized_ThenNoneAppear()
    {
        var card = CardRules.Normalize(new Card
        {
            Summary = "s",
            Detail = "",
            Indicator = CardIndicator.Info,
            Source = new CardSource("ChestXCds", CardTopics.LatestChestStudy, Url: ""),
            Suggestions = [],
            Links = [],
            OverrideReasons = [],
        });

        var json = JsonNode.Parse(JsonSerializer.Serialize(new CdsHooksResponse([card]), CdsHooksJson.Options));

        Assert.Empty(JsonHygiene.FindEmptyMembers(json));
        Assert.Equal(["uuid", "summary", "indicator", "source"], json!["cards"]![0]!.AsObject().Select(p => p.Key).ToArray());
    }

    [Fact]
    public void GivenNoCards_WhenSerialized_ThenEmptyCardsArrayIsKept() =>
        Assert.Equal("""{"cards":[]}""", JsonSerializer.Serialize(CdsHooksResponse.Empty, CdsHooksJson.Options));

    private static void AssertViolation(Card card, string member)
    {
        var violations = CardRules.Violations(card);
        Assert.Contains(violations, v => v.Contains(member, StringComparison.Ordinal));
    }
}
