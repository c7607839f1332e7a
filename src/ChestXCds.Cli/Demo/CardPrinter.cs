using System.Text.Json;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace ChestXCds.Cli.Demo;

/// <summary>Prints a CDS Hooks response readably: one panel per card, coloured by indicator.</summary>
public static partial class CardPrinter
{
    /// <summary>
    /// Card markdown as a terminal shows it: the backslashes that escape punctuation (cards escape every markdown
    /// character of text that came from the EHR, so "0\.20" renders as "0.20" in the EHR) are dropped.
    /// </summary>
    public static string PlainText(string markdown) => MarkdownEscape().Replace(markdown, "$1");

    public static void Print(IAnsiConsole console, JsonElement response)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!response.TryGetProperty("cards", out var cards) || cards.GetArrayLength() == 0)
        {
            console.MarkupLine("[grey]No cards: the service has no guidance for this order.[/]");
            return;
        }

        foreach (var card in cards.EnumerateArray())
        {
            var indicator = Text(card, "indicator") ?? "info";
            var colour = indicator switch { "critical" => Color.Red, "warning" => Color.Orange1, _ => Color.DeepSkyBlue1 };
            var body = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Markup($"[bold]{Markup.Escape(Text(card, "summary") ?? string.Empty)}[/]"),
                new Text(string.Empty),
                new Text(PlainText(Text(card, "detail") ?? string.Empty)),
            };

            if (card.TryGetProperty("suggestions", out var suggestions))
            {
                foreach (var suggestion in suggestions.EnumerateArray())
                {
                    var actions = suggestion.TryGetProperty("actions", out var a) ? a.EnumerateArray().ToList() : [];
                    var kinds = actions
                        .Select(x => x.TryGetProperty("resource", out var r) ? Text(r, "resourceType") : Text(x, "type"))
                        .GroupBy(k => k ?? "?")
                        .Select(g => $"{g.Count()} {g.Key}");
                    body.Add(new Markup($"[green]Suggestion:[/] {Markup.Escape(Text(suggestion, "label") ?? string.Empty)} [grey]({Markup.Escape(string.Join(", ", kinds))})[/]"));
                }
            }

            if (card.TryGetProperty("links", out var links))
            {
                foreach (var link in links.EnumerateArray())
                {
                    body.Add(new Markup($"[blue]Link:[/] {Markup.Escape(Text(link, "label") ?? string.Empty)} [grey]{Markup.Escape(Text(link, "url") ?? string.Empty)}[/]"));
                }
            }

            var topic = card.TryGetProperty("source", out var source) && source.TryGetProperty("topic", out var t) ? Text(t, "code") : null;
            console.Write(new Panel(new Rows(body))
            {
                Header = new PanelHeader($" {indicator.ToUpperInvariant()} · {Markup.Escape(topic ?? "card")} "),
                Border = BoxBorder.Rounded,
                BorderStyle = new Style(colour),
                Expand = true,
            });
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\\([\\`*_{}\[\]()<>#+\-.!|~])")]
    private static partial Regex MarkdownEscape();
}
