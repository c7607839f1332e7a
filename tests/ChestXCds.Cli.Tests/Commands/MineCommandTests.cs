using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

// REQ-RSN-08: `chestx mine` writes id + one column per label; bad input gives a clear error and a non-zero exit code.
public sealed class MineCommandTests : IDisposable
{
    private readonly TempFolder folder = new("chestx-mine-");

    public void Dispose() => folder.Dispose();

    private string Write(string name, string content) => folder.Write(name, content);

    [Fact]
    public void GivenReportsCsv_WhenMiningNih14_ThenOneRowPerReportWithLabels()
    {
        var input = Write("in.csv", "uid,findings,impression\n1,\"Heart size normal. No effusion, no pneumothorax.\",Normal chest.\n2,\"Left pleural effusion, new.\",\"Possible pneumonia.\"\n");
        var output = folder.PathOf("out.csv");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "uid", "--text-columns", "findings,impression", "--labels", "nih14", "--output", output);

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal("uid,Atelectasis,Cardiomegaly,Effusion,Infiltration,Mass,Nodule,Pneumonia,Pneumothorax,Consolidation,Edema,Emphysema,Fibrosis,Pleural_Thickening,Hernia,No Finding", lines[0]);
        Assert.Equal("1,,0,0,,,,,0,,,,,,,1", lines[1]);
        Assert.Equal("2,,,1,,,,-1,,,,,,,,", lines[2]);
        Assert.Contains("2 reports", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenCheXpertLabeledReports_WhenMiningChexpert_ThenColumnsAreTheLabelers()
    {
        var output = folder.PathOf("chexpert.csv");
        var input = TestPaths.SharedFile("data", "reports", "chexpert-labeler", "labeled_reports.csv");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "Reports", "--text-columns", "Reports", "--labels", "chexpert", "--output", output);
        Assert.True(code == 0, error);
        Assert.EndsWith("No Finding,Enlarged Cardiomediastinum,Cardiomegaly,Lung Lesion,Lung Opacity,Edema,Consolidation,Pneumonia,Atelectasis,Pneumothorax,Pleural Effusion,Pleural Other,Fracture,Support Devices", File.ReadLines(output).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMissingColumn_WhenMining_ThenClearErrorNamesColumnAndExitIsNonZero()
    {
        var input = Write("in.csv", "uid,findings\n1,No effusion.\n");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "uid", "--text-columns", "findings,impression", "--output", folder.PathOf("o.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("column 'impression'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenRowWithWrongFieldCount_WhenMining_ThenErrorNamesTheLine()
    {
        var input = Write("in.csv", "uid,findings\n1,No effusion.\n2,Effusion,extra\n");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "uid", "--text-columns", "findings", "--output", folder.PathOf("o.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenQuotedFieldsWithLineBreaksAndQuotes_WhenMining_ThenEachIsOneReportAndTheIdIsEscapedBack()
    {
        var input = Write("in.csv", "uid,findings\r\n\"a,1\",\"Left pleural effusion.\nNo \"\"pneumothorax\"\".\"\r\n2,Normal.\r\n");
        var output = folder.PathOf("out.csv");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "UID", "--text-columns", "findings", "--labels", "nih14", "--output", output);

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"a,1\",,,1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void GivenWrongFieldCountAfterAMultiLineRecord_WhenMining_ThenErrorNamesTheLineTheRecordStartsOn()
    {
        var input = Write("in.csv", "uid,findings\n1,\"two\nlines\"\n2,Effusion,extra\n");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "uid", "--text-columns", "findings", "--output", folder.PathOf("o.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("line 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUnclosedQuote_WhenMining_ThenErrorSaysSoWithTheLine()
    {
        var input = Write("in.csv", "uid,findings\n1,No effusion.\n2,\"Effusion\n");
        var (code, _, error) = ChestxProcess.Run("mine", "--input", input, "--id-column", "uid", "--text-columns", "findings", "--output", folder.PathOf("o.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("line 3: a quoted field is not closed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMissingFile_WhenMining_ThenClearError()
    {
        var (code, _, error) = ChestxProcess.Run("mine", "--input", folder.PathOf("nope.csv"), "--id-column", "uid", "--text-columns", "findings", "--output", folder.PathOf("o.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }
}
