using System.Globalization;
using System.Text;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain.Records;

namespace ChestXCds.Analysis.Cards;

/// <summary>Writes the cards of FHIR data alone: the recent-chest-radiograph warning at ordering, and the latest chest study at patient-view.</summary>
public static class CardComposer
{
    /// <summary>The card source label every ChestXCds card carries.</summary>
    public const string SourceLabel = "ChestXCds";

    private const string OverrideSystem = "urn:chestxcds:override-reason";

    /// <summary>Reasons offered when the clinician keeps the new order.</summary>
    public static IReadOnlyList<CdsHooks.Contracts.Coding> DuplicateOverrideReasons { get; } =
    [
        new(OverrideSystem, "clinically-indicated", "Repeat imaging is clinically indicated"),
        new(OverrideSystem, "prior-inadequate", "Prior study is inadequate or incomplete"),
        new(OverrideSystem, "prior-unavailable", "Prior study images are not available to me"),
    ];

    /// <summary>order-sign/order-select: the patient already had a chest radiograph within the look-back.</summary>
    public static Card PriorChestImaging(ChestStudy latest, int studiesInWindow, IReadOnlyList<OrderRecord> orders, DateTimeOffset now)
    {
        var age = Age(now - latest.Started);
        var summary = $"Chest radiograph already done {age} ago ({Date(latest.Started)}): check before repeating";
        var detail = new StringBuilder()
            .Append("The patient had a chest radiograph **").Append(age).Append(" ago**; ordering another may be a duplicate exposure.\n\n")
            .Append(StudyLines(latest));
        if (studiesInWindow > 1)
        {
            detail.Append(CultureInfo.InvariantCulture, $"\n{studiesInWindow} chest radiographs fall within the look-back; the newest is shown.\n");
        }

        var removals = orders.Where(o => !string.IsNullOrEmpty(o.Id))
            .Select(o => new Suggestion(
                $"Remove the new order ({OrderName(o)})",
                [new CdsAction("delete", "Remove the draft chest imaging order", ResourceId: [$"ServiceRequest/{o.Id}"])]))
            .ToList();

        return new Card
        {
            Summary = summary,
            Detail = detail.ToString(),
            Indicator = CardIndicator.Warning,
            Source = new CardSource(SourceLabel, CardTopics.PriorChestImaging),
            Suggestions = removals.Count > 0 ? removals : null,
            OverrideReasons = DuplicateOverrideReasons,
        };
    }

    /// <summary>patient-view: the latest chest radiograph and its report impression.</summary>
    public static Card LatestChestStudy(ChestStudy latest, DateTimeOffset now)
    {
        var summary = latest.Impression is null
            ? $"Latest chest radiograph: {Date(latest.Started)} ({Age(now - latest.Started)} ago), no report impression found"
            : $"Latest chest radiograph: {Date(latest.Started)} ({Age(now - latest.Started)} ago), report impression in detail";
        return new Card
        {
            Summary = summary,
            Detail = StudyLines(latest),
            Indicator = CardIndicator.Info,
            Source = new CardSource(SourceLabel, CardTopics.LatestChestStudy),
        };
    }

    private static string StudyLines(ChestStudy study)
    {
        var lines = new StringBuilder()
            .Append("- **Study:** ").Append(Markdown.Escape(study.Description)).Append(" (").Append(study.Modality).Append(")\n")
            .Append("- **Started:** ").Append(study.Started.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)).Append('\n');
        if (study.StudyInstanceUid is { } uid)
        {
            lines.Append("- **Study Instance UID:** ").Append(Markdown.Escape(uid)).Append('\n');
        }

        if (study.Report is { } report)
        {
            lines.Append("- **Report status:** ").Append(StatusText(report.Status)).Append('\n');
        }

        lines.Append('\n').Append(study.Impression is { } impression
            ? "**Impression:** " + Markdown.Escape(impression)
            : study.Report is null ? "No report of this study was found." : "The report has no impression.");
        return lines.Append('\n').ToString();
    }

    private static string OrderName(OrderRecord order) => order.Text ?? "chest imaging";

    private static string StatusText(ReportStatus status) => status switch
    {
        ReportStatus.EnteredInError => "entered-in-error",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"5 h", "3 d", "2 mo" — whole units, at least "1 h".</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromHours(1))
        {
            return age.TotalMinutes < 1 ? "under 1 min" : $"{(int)age.TotalMinutes} min";
        }

        if (age < TimeSpan.FromHours(48))
        {
            return $"{(int)age.TotalHours} h";
        }

        return age < TimeSpan.FromDays(60) ? $"{(int)age.TotalDays} d" : $"{(int)(age.TotalDays / 30.4)} mo";
    }
}
