using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

// REQ-RSN-10: the label evaluation on indiana-dev.csv is a reproducible command printing per-label P/R/F1 and micro/macro F1.
public sealed class EvaluateLabelsCommandTests
{
    [Fact]
    public void GivenIndianaDev_WhenEvaluatingNih14_ThenTableHasEveryLabelAndTheAverages()
    {
        var (code, output, error) = ChestxProcess.Run("evaluate-labels", "--input", TestPaths.SharedFile("data", "reports", "indiana-dev.csv"),
            "--text-columns", "findings,impression", "--labels", "nih14", "--gold", "No Finding=normal");
        Assert.True(code == 0, error);
        Assert.Contains("| Atelectasis | 78 |", output, StringComparison.Ordinal);
        Assert.Contains("| No Finding | 325 |", output, StringComparison.Ordinal);
        Assert.Contains("**micro**", output, StringComparison.Ordinal);
        Assert.Contains("**macro**", output, StringComparison.Ordinal);
        Assert.Contains("1000 reports", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenBadGoldMapping_WhenEvaluating_ThenClearError()
    {
        var (code, _, error) = ChestxProcess.Run("evaluate-labels", "--input", TestPaths.SharedFile("data", "reports", "indiana-dev.csv"),
            "--text-columns", "findings", "--gold", "No Finding");
        Assert.NotEqual(0, code);
        Assert.Contains("Label=column", error, StringComparison.Ordinal);
    }
}
