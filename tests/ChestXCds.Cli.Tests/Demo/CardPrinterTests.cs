using System.Text.Json;
using ChestXCds.Cli.Demo;
using Spectre.Console;

namespace ChestXCds.Cli.Tests.Demo;

/// <summary>REQ-E2E-01: the demo prints the card's markdown without its escaping backslashes.</summary>
public sealed class CardPrinterTests
{
    [Theory]
    [InlineData(@"score 0\.20 \< threshold 0\.37 \(model\)", "score 0.20 < threshold 0.37 (model)")]
    [InlineData(@"DiagnosticReport/report\-cxr\-1\-year", "DiagnosticReport/report-cxr-1-year")]
    [InlineData(@"a \\ backslash and C:\path", @"a \ backslash and C:\path")]
    public void GivenEscapedMarkdown_WhenMadePlain_ThenThePunctuationStays(string markdown, string expected)
    {
        Assert.Equal(expected, CardPrinter.PlainText(markdown));
    }

    [Fact]
    public void GivenACard_WhenPrinted_ThenItsDetailReadsWithoutBackslashes()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        using var response = JsonDocument.Parse("""
            {"cards":[{"summary":"AI flags Effusion 70%","indicator":"warning","detail":"Score 0\\.70 \\> threshold 0\\.37\\.","source":{"label":"ChestXCds"}}]}
            """);

        CardPrinter.Print(console, response.RootElement);

        Assert.Contains("Score 0.70 > threshold 0.37.", output.ToString(), StringComparison.Ordinal);
    }
}
