using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Analysis.Cards;

/// <summary>
/// The one rule by which the card sources' cards become the hook's answer, so that one card, not two, speaks of the
/// latest chest radiograph (by <c>source.topic</c>):
/// <list type="bullet">
/// <item>AI analysis + recent-radiograph warning → the AI card (it states the duplicate exposure), carrying the
/// warning's "remove the new order" suggestions and override reasons, at the higher indicator;</item>
/// <item>AI analysis + latest-study card → the AI card (it names the study and its impression);</item>
/// <item>AI pending + recent-radiograph warning → the warning (at ordering it is what is known);</item>
/// <item>AI pending + latest-study card → the pending card.</item>
/// </list>
/// Any other card passes unchanged, in the order the sources gave them.
/// </summary>
public static class CardMerger
{
    public static IReadOnlyList<Card> Merge(IReadOnlyList<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var ai = cards.FirstOrDefault(c => Is(c, CardTopics.ChestAiAnalysis));
        var pending = cards.FirstOrDefault(c => Is(c, CardTopics.ChestAiAnalysisPending));
        var duplicate = cards.FirstOrDefault(c => Is(c, CardTopics.PriorChestImaging));
        var latest = cards.FirstOrDefault(c => Is(c, CardTopics.LatestChestStudy));

        var merged = new List<Card>(cards.Count);
        foreach (var card in cards)
        {
            if (card == ai && duplicate is not null)
            {
                merged.Add(WithDuplicate(ai, duplicate));
            }
            else if ((card == duplicate && ai is not null)
                     || (card == latest && (ai is not null || pending is not null))
                     || (card == pending && (ai is not null || duplicate is not null)))
            {
                continue;
            }
            else
            {
                merged.Add(card);
            }
        }

        return merged;
    }

    private static bool Is(Card card, Coding topic) => card.Source.Topic?.Code == topic.Code && card.Source.Topic?.System == topic.System;

    private static Card WithDuplicate(Card ai, Card duplicate) => ai with
    {
        Indicator = (CardIndicator)Math.Max((int)ai.Indicator, (int)duplicate.Indicator),
        Suggestions = [.. duplicate.Suggestions ?? [], .. ai.Suggestions ?? []],
        SelectionBehavior = (duplicate.Suggestions?.Count ?? 0) + (ai.Suggestions?.Count ?? 0) > 0 ? SelectionBehavior.Any : ai.SelectionBehavior,
        OverrideReasons = [.. duplicate.OverrideReasons ?? [], .. (ai.OverrideReasons ?? []).Where(r => duplicate.OverrideReasons?.Contains(r) != true)],
    };
}
