using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain;
using Markdown = ChestXCds.Analysis.Cards.Markdown;

namespace ChestXCds.Analysis.Cards;

/// <summary>Writes the AI analysis card and the "analysis in progress" card.</summary>
public static class AiCardComposer
{
    private const int SummaryLimit = 139;
    private const string OverrideSystem = "urn:chestxcds:override-reason";

    /// <summary>Reasons offered when the clinician sets the AI result aside.</summary>
    public static IReadOnlyList<CdsHooks.Contracts.Coding> OverrideReasons { get; } =
    [
        new(OverrideSystem, "disagree-with-ai", "I disagree with the AI result"),
        new(OverrideSystem, "already-known", "Findings already known and addressed"),
        new(OverrideSystem, "image-unsuitable", "Image unsuitable for AI analysis"),
    ];

    /// <summary>The AI card: findings, verified reasoning, resources to record; and the duplicate warning when the order repeats a recent study.</summary>
    public static Card Analysis(AiCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var analysis = input.Analysis;
        var positives = analysis.Scores.Where(s => s.IsPositive).OrderByDescending(s => s.Probability).ToList();
        var prefix = input.DuplicateOf is { } dup ? $"Chest X-ray already done {CardComposer.Age(input.Now - dup.Started)} ago; " : string.Empty;
        var summary = Summary(prefix, positives);

        var detail = new StringBuilder();
        if (input.DuplicateOf is { } recent)
        {
            detail.Append("**Possible duplicate exposure:** the patient had a chest radiograph **")
                .Append(CardComposer.Age(input.Now - recent.Started)).Append(" ago** (")
                .Append(recent.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("), analysed below.\n\n");
        }

        AppendHeader(detail, input);
        AppendScores(detail, analysis.Scores);
        AppendReasoning(detail, analysis.Chains);
        if (input.Study.Impression is { } impression)
        {
            detail.Append("\n**Impression of this study's report:** ").Append(Markdown.Escape(impression)).Append('\n');
        }

        var actions = input.Resources.Select(r => new CdsAction("create", $"Record the AI {Describe(r.ResourceType)}", r)).ToList();
        return new Card
        {
            Summary = summary,
            Detail = detail.ToString(),
            Indicator = input.DuplicateOf is not null ? Max(Severity(positives, input.Options), CardIndicator.Warning) : Severity(positives, input.Options),
            Source = new CardSource(CardComposer.SourceLabel, CardTopics.ChestAiAnalysis),
            Suggestions = [new Suggestion("Record AI findings", actions)],
            SelectionBehavior = SelectionBehavior.Any,
            OverrideReasons = OverrideReasons,
            Links = ViewerLinks(input),
        };
    }

    /// <summary>The analysis did not finish inside the hook budget and no other card says anything.</summary>
    public static Card Pending(ChestStudy study, DateTimeOffset now) => new()
    {
        Summary = $"AI analysis of the chest radiograph of {study.Started:yyyy-MM-dd} is in progress; results on the next check",
        Detail = "The chest radiograph of " + study.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + " (" + CardComposer.Age(now - study.Started) + " ago) is being analysed. The AI findings and their verified reasoning appear the next time this patient's chart or order is checked.\n",
        Indicator = CardIndicator.Info,
        Source = new CardSource(CardComposer.SourceLabel, CardTopics.ChestAiAnalysisPending),
    };

    /// <summary>The study's images are at a source this service may not contact for this EHR: say so, and nothing more.</summary>
    public static Card ImagingUnavailable(ChestStudy study, DateTimeOffset now) => new()
    {
        Summary = $"AI analysis unavailable: the images of the chest radiograph of {study.Started:yyyy-MM-dd} could not be retrieved",
        Detail = "The chest radiograph of " + study.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + " (" + CardComposer.Age(now - study.Started) + " ago) names an image source this service is not configured to read for this EHR, so it was not analysed. "
            + "Nothing is known about its findings from the AI; ask your integration team if this persists.\n",
        Indicator = CardIndicator.Info,
        Source = new CardSource(CardComposer.SourceLabel, CardTopics.ChestAiAnalysisUnavailable),
    };

    internal static CardIndicator Severity(IReadOnlyList<FindingScore> positives, AiAnalysisOptions options)
    {
        if (positives.Any(s => options.CriticalFindings.Contains(s.FindingId, StringComparer.OrdinalIgnoreCase) && s.Probability >= options.CriticalMinimumProbability))
        {
            return CardIndicator.Critical;
        }

        return positives.Any(s => FindingCatalog.TryGet(s.FindingId, out var d) && d.NeedsAction && s.Probability >= options.WarningMinimumProbability)
            ? CardIndicator.Warning
            : CardIndicator.Info;
    }

    private static CardIndicator Max(CardIndicator a, CardIndicator b) => (CardIndicator)Math.Max((int)a, (int)b);

    private static string Summary(string prefix, List<FindingScore> positives)
    {
        if (positives.Count == 0)
        {
            return Clip(prefix + "AI found no finding above its thresholds (research model; see detail)");
        }

        // Drop the least likely findings until the sentence fits the 140-character limit.
        for (var count = positives.Count; count > 0; count--)
        {
            var listed = string.Join(", ", positives.Take(count).Select(s => $"{Display(s.FindingId)} {Percent(s.Probability)}"));
            var more = count < positives.Count ? $" +{positives.Count - count} more" : string.Empty;
            var text = $"{prefix}AI flags {listed}{more} (research model; verify)";
            if (text.Length <= SummaryLimit)
            {
                return text;
            }
        }

        return Clip(prefix + "AI flags findings (research model; see detail)");
    }

    private static void AppendHeader(StringBuilder detail, AiCardInput input)
    {
        var model = input.Analysis.Model;
        detail.Append("**AI analysis** of the chest radiograph of ")
            .Append(input.Study.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append(" (").Append(input.Study.Modality).Append(", ").Append(Markdown.Escape(input.Study.Description)).Append(").\n\n")
            .Append("Model **").Append(Markdown.Escape(model.Name)).Append(' ').Append(Markdown.Escape(model.Version))
            .Append("** on ").Append(Markdown.Escape(model.Provider)).Append(". _").Append(Markdown.Escape(model.ModelCardSummary)).Append("_\n\n");
    }

    private static void AppendScores(StringBuilder detail, IReadOnlyList<FindingScore> scores)
    {
        detail.Append("| Finding | Probability | Model threshold | Result |\n|---|---|---|---|\n");
        foreach (var score in scores.OrderByDescending(s => s.Probability))
        {
            detail.Append("| ").Append(Markdown.Escape(Display(score.FindingId))).Append(" | ").Append(Percent(score.Probability))
                .Append(" | ").Append(Percent(score.Threshold)).Append(" | ").Append(score.IsPositive ? "above threshold" : "below threshold").Append(" |\n");
        }
    }

    private static void AppendReasoning(StringBuilder detail, IReadOnlyList<ReasoningChain> chains)
    {
        if (chains.Count == 0)
        {
            return;
        }

        detail.Append("\n### Reasoning, step by step (each step checked against its evidence)\n");
        foreach (var chain in chains)
        {
            detail.Append("\n**").Append(Markdown.Escape(Display(chain.FindingId))).Append("**: ")
                .Append(chain.Answer.ToString().ToLowerInvariant()).Append(" (confidence ").Append(Percent(chain.Confidence)).Append(')');
            if (chain.Change != TemporalChange.Unknown)
            {
                detail.Append(", ").Append(chain.Change.ToString().ToLowerInvariant()).Append(" compared with prior reports");
            }

            detail.Append("\n\n");
            foreach (var step in chain.Steps)
            {
                detail.Append(step.Index + 1).Append(". ").Append(Verdict(step.Verdict)).Append(" *").Append(step.Kind).Append(":* ")
                    .Append(Markdown.Escape(step.Text));
                if (!string.IsNullOrWhiteSpace(step.VerdictReason))
                {
                    detail.Append(" — ").Append(Markdown.Escape(step.VerdictReason));
                }

                detail.Append('\n');
                foreach (var quote in step.Evidence.Where(e => e.Quote is not null))
                {
                    detail.Append("   > \"").Append(Markdown.Escape(quote.Quote!)).Append('"');
                    if (quote.Date is { } date)
                    {
                        detail.Append(" (").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(')');
                    }

                    detail.Append('\n');
                }
            }
        }
    }

    private static string Verdict(StepVerdict? verdict) => verdict switch
    {
        StepVerdict.Supported => "[Supported]",
        StepVerdict.Contradicted => "[Contradicted]",
        StepVerdict.Unverifiable => "[Unverifiable]",
        _ => "[Not verified]",
    };

    private static List<CardLink>? ViewerLinks(AiCardInput input)
    {
        if (input.Options.ViewerLaunchUrl is not { } launch)
        {
            return null;
        }

        var appContext = new JsonObject { ["studyInstanceUid"] = input.Analysis.StudyInstanceUid }.ToJsonString();
        return [new CardLink("Open the images and reasoning in the ChestXCds viewer", launch.AbsoluteUri, CardLinkTypes.Smart, appContext)];
    }

    private static string Describe(string? resourceType) => resourceType switch
    {
        "Observation" => "observation",
        "Device" => "model description (Device)",
        "DocumentReference" => "model card",
        "Provenance" => "provenance",
        _ => resourceType ?? "resource",
    };

    private static string Display(string findingId) => FindingCatalog.TryGet(findingId, out var d) ? d.Display : findingId.Replace('_', ' ');

    private static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static string Clip(string text) => text.Length <= SummaryLimit ? text : text[..(SummaryLimit - 1)] + "…";
}
