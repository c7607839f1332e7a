using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.CdsHooks.Cards;

/// <summary>
/// The card rules, in one place. <see cref="Normalize"/> repairs what can be repaired safely (missing
/// uuids, selectionBehavior, overlong summary, appContext on absolute links); <see cref="Violations"/>
/// reports what remains wrong, following CDS Hooks 2.0 §Card Attributes and the card checks of the
/// Inferno Da Vinci CRD test kit (cards_validation.rb).
/// </summary>
public static class CardRules
{
    /// <summary>CDS Hooks 2.0: summary "&lt;140-character summary".</summary>
    public const int MaxSummaryLength = 139;

    private static readonly string[] ActionTypes = ["create", "update", "delete"];

    /// <summary>Returns a copy of <paramref name="card"/> that satisfies every rule that can be enforced mechanically.</summary>
    public static Card Normalize(Card card)
    {
        var suggestions = card.Suggestions is { Count: > 0 }
            ? card.Suggestions.Select(s => string.IsNullOrWhiteSpace(s.Uuid) ? s with { Uuid = NewUuid() } : s).ToList()
            : null;

        var links = card.Links is { Count: > 0 }
            ? card.Links.Select(l => l.Type == CardLinkTypes.Smart ? l : l with { AppContext = null }).ToList()
            : null;

        return card with
        {
            Uuid = string.IsNullOrWhiteSpace(card.Uuid) ? NewUuid() : card.Uuid,
            Summary = Shorten(card.Summary.Trim()),
            Detail = string.IsNullOrWhiteSpace(card.Detail) ? null : card.Detail,
            Suggestions = suggestions,
            SelectionBehavior = suggestions is null ? null : card.SelectionBehavior ?? Contracts.SelectionBehavior.Any,
            OverrideReasons = card.OverrideReasons is { Count: > 0 } ? card.OverrideReasons : null,
            Links = links,
        };
    }

    /// <summary>Every rule the card breaks, as messages naming the member; empty when the card is valid.</summary>
    public static IReadOnlyList<string> Violations(Card card)
    {
        var errors = new List<string>();
        if (!Guid.TryParse(card.Uuid, out _))
        {
            errors.Add("uuid: every card needs a UUID (feedback refers to it)");
        }

        if (string.IsNullOrWhiteSpace(card.Summary))
        {
            errors.Add("summary: required");
        }
        else if (card.Summary.Length > MaxSummaryLength)
        {
            errors.Add($"summary: {card.Summary.Length} characters, must be under 140");
        }

        if (!Enum.IsDefined(card.Indicator))
        {
            errors.Add("indicator: must be info, warning or critical");
        }

        CheckSource(card.Source, errors);
        CheckSuggestions(card, errors);
        CheckOverrideReasons(card.OverrideReasons, errors);
        CheckLinks(card.Links, errors);
        return errors;
    }

    private static void CheckSource(CardSource? source, List<string> errors)
    {
        if (source is null)
        {
            errors.Add("source: required");
            return;
        }

        if (string.IsNullOrWhiteSpace(source.Label))
        {
            errors.Add("source.label: required");
        }

        if (source.Topic is null)
        {
            errors.Add("source.topic: a stable topic per card type is required");
        }
        else if (string.IsNullOrWhiteSpace(source.Topic.Code) || string.IsNullOrWhiteSpace(source.Topic.System))
        {
            errors.Add("source.topic: needs code and system");
        }
    }

    private static void CheckSuggestions(Card card, List<string> errors)
    {
        if (card.Suggestions is null)
        {
            if (card.SelectionBehavior is not null)
            {
                errors.Add("selectionBehavior: only with suggestions");
            }

            return;
        }

        if (card.Suggestions.Count == 0)
        {
            errors.Add("suggestions: omit instead of an empty array");
        }
        else if (card.SelectionBehavior is null || !Enum.IsDefined(card.SelectionBehavior.Value))
        {
            errors.Add("selectionBehavior: required when there are suggestions (any or at-most-one)");
        }

        for (var i = 0; i < card.Suggestions.Count; i++)
        {
            var suggestion = card.Suggestions[i];
            var at = $"suggestions[{i}]";
            if (string.IsNullOrWhiteSpace(suggestion.Label))
            {
                errors.Add($"{at}.label: required");
            }

            if (!Guid.TryParse(suggestion.Uuid, out _))
            {
                errors.Add($"{at}.uuid: every suggestion needs a UUID (acceptedSuggestions refers to it)");
            }

            if (suggestion.Actions is null)
            {
                continue;
            }

            if (suggestion.Actions.Count == 0)
            {
                errors.Add($"{at}.actions: omit instead of an empty array");
            }

            for (var j = 0; j < suggestion.Actions.Count; j++)
            {
                CheckAction(suggestion.Actions[j], $"{at}.actions[{j}]", errors);
            }
        }
    }

    private static void CheckAction(CdsAction action, string at, List<string> errors)
    {
        if (!ActionTypes.Contains(action.Type, StringComparer.Ordinal))
        {
            errors.Add($"{at}.type: must be create, update or delete");
        }

        if (string.IsNullOrWhiteSpace(action.Description))
        {
            errors.Add($"{at}.description: required");
        }

        if (action.Type is "create" or "update" && action.Resource is null)
        {
            errors.Add($"{at}.resource: required for {action.Type}");
        }

        if (action.Type is "delete" && action.ResourceId is not { Count: > 0 })
        {
            errors.Add($"{at}.resourceId: required for delete");
        }

        if (action.Resource is not null && string.IsNullOrEmpty(action.Resource.ResourceType))
        {
            errors.Add($"{at}.resource: must be a FHIR resource with resourceType");
        }
    }

    private static void CheckOverrideReasons(IReadOnlyList<Coding>? reasons, List<string> errors)
    {
        if (reasons is null)
        {
            return;
        }

        for (var i = 0; i < reasons.Count; i++)
        {
            var reason = reasons[i];
            if (string.IsNullOrWhiteSpace(reason.Code) || string.IsNullOrWhiteSpace(reason.System) || string.IsNullOrWhiteSpace(reason.Display))
            {
                errors.Add($"overrideReasons[{i}]: needs code, system and display");
            }
        }
    }

    private static void CheckLinks(IReadOnlyList<CardLink>? links, List<string> errors)
    {
        if (links is null)
        {
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var at = $"links[{i}]";
            if (string.IsNullOrWhiteSpace(link.Label))
            {
                errors.Add($"{at}.label: required");
            }

            if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{at}.url: must be an absolute http(s) URL");
            }

            if (link.Type is not (CardLinkTypes.Absolute or CardLinkTypes.Smart))
            {
                errors.Add($"{at}.type: must be absolute or smart");
            }
            else if (link.Type == CardLinkTypes.Absolute && link.AppContext is not null)
            {
                errors.Add($"{at}.appContext: only on smart links");
            }
        }
    }

    private static string Shorten(string summary) =>
        summary.Length <= MaxSummaryLength ? summary : string.Concat(summary.AsSpan(0, MaxSummaryLength - 1).TrimEnd(), "…");

    private static string NewUuid() => Guid.NewGuid().ToString();
}
