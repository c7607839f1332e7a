using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

// REQ-RSN-10: the label evaluation on indiana-dev.csv is a reproducible command printing per-label P/R/F1 and micro/macro F1.
public sealed class EvaluateLabelsCommandTests : IDisposable
{
    private const string Header = "uid,findings,Atelectasis,Cardiomegaly,Effusion,Infiltration,Mass,Nodule,Pneumonia,Pneumothorax,Consolidation,Edema,Emphysema,Fibrosis,Pleural_Thickening,Hernia,normal";

    private readonly TempFolder folder = new("chestx-evaluate-labels-");

    public void Dispose() => folder.Dispose();

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

    [Fact]
    public void GivenErrorsOption_WhenEvaluating_ThenEachFalsePositiveAndNegativeIsListedWithItsSentence()
    {
        var input = folder.Write("gold.csv", Header + "\n"
            + "r1,Large hiatal hernia.,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n"
            + "r2,Heart size normal. Lungs are clear.,1,0,0,0,0,0,0,0,0,0,0,0,0,0,1\n"
            + "r3,No pneumothorax.,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0\n");
        var errors = folder.PathOf("errors.md");
        var (code, output, error) = ChestxProcess.Run("evaluate-labels", "--input", input, "--text-columns", "findings",
            "--gold", "No Finding=normal", "--errors", errors);

        Assert.True(code == 0, error);
        Assert.Contains("Errors written to", output, StringComparison.Ordinal);
        var listing = File.ReadAllText(errors);
        Assert.Contains("- r1: [present Hernia] Large hiatal hernia.", listing, StringComparison.Ordinal);
        Assert.Contains("- r2: (not mentioned)", listing, StringComparison.Ordinal);
        Assert.Contains("- r3: [absent Pneumothorax] No pneumothorax.", listing, StringComparison.Ordinal);
        Assert.Contains("## No Finding\n\n### false positives (1)\n- r3: (not mentioned)", listing.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUnknownIdColumn_WhenWritingErrors_ThenClearError()
    {
        var input = folder.Write("gold.csv", Header + "\nr1,Large hiatal hernia.,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n");
        var (code, _, error) = ChestxProcess.Run("evaluate-labels", "--input", input, "--text-columns", "findings",
            "--gold", "No Finding=normal", "--errors", folder.PathOf("errors.md"), "--id-column", "openi_id");

        Assert.NotEqual(0, code);
        Assert.Contains("'openi_id'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnErrorsFileInAMissingFolder_WhenEvaluating_ThenClearErrorAndNoListing()
    {
        var input = folder.Write("gold.csv", Header + "\nr1,Large hiatal hernia.,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n");
        var missing = folder.PathOf(Path.Combine("no-such-folder", "errors.md"));
        var (code, output, error) = ChestxProcess.Run("evaluate-labels", "--input", input, "--text-columns", "findings",
            "--gold", "No Finding=normal", "--errors", missing);

        Assert.NotEqual(0, code);
        Assert.Contains("--errors", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("micro", output, StringComparison.Ordinal);
    }
}
