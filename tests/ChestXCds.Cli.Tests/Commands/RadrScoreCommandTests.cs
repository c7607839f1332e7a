using System.Text.Json;
using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

// REQ-RSN-09: `chestx radrscore` reads .json/.jsonl records and writes one score per record in input order plus the means.
public sealed class RadrScoreCommandTests : IDisposable
{
    private readonly TempFolder folder = new("chestx-radr-");

    public void Dispose() => folder.Dispose();

    private string Write(string name, string content) => folder.Write(name, content);

    [Fact]
    public void GivenJsonlWithStepShapes_WhenScoring_ThenOneSamplePerRecordInOrder()
    {
        var input = Write("in.jsonl",
            "{\"item_id\":\"a\",\"pred\":\"<think>No pleural effusion.</think><answer>A</answer>\",\"reason_steps\":[\"No pleural effusion.\"],\"original_report\":\"No pleural effusion.\"}\n"
            + "\n"
            + "{\"item_id\":\"b\",\"pred\":\"\",\"reason_steps\":\"There is cardiomegaly.\",\"original_report\":\"Cardiomegaly.\"}\n"
            + "{\"pred\":\"The heart is enlarged.\",\"reason_steps\":{\"A\":\"The heart is enlarged.\",\"B\":[\"No edema.\"]},\"original_report\":\"Cardiomegaly. No edema.\",\"question\":\"q\"}\n");
        var output = folder.PathOf("out.json");
        var (code, _, error) = ChestxProcess.Run("radrscore", "--input", input, "--output", output);
        Assert.True(code == 0, error);

        using var result = JsonDocument.Parse(File.ReadAllText(output));
        var samples = result.RootElement.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], samples.Select(s => s.GetProperty("index").GetInt32()));
        Assert.Equal("a", samples[0].GetProperty("item_id").GetString());
        Assert.Equal(1.0, samples[0].GetProperty("radrscore").GetDouble());
        Assert.Equal(JsonValueKind.Null, samples[1].GetProperty("radrscore").ValueKind);
        Assert.Equal(JsonValueKind.Null, samples[2].GetProperty("item_id").ValueKind);
        Assert.Equal(0.5, samples[2].GetProperty("completeness").GetDouble());
        var mean = result.RootElement.GetProperty("mean");
        foreach (var name in new[] { "factuality", "completeness", "effectiveness", "radrscore" })
        {
            Assert.Equal(JsonValueKind.Number, mean.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public void GivenJsonArray_WhenScoring_ThenItIsRead()
    {
        var input = Write("in.json", "[{\"pred\":\"No effusion.\",\"reason_steps\":[\"No effusion.\"],\"original_report\":\"No effusion.\"}]");
        var output = folder.PathOf("out.json");
        var (code, _, error) = ChestxProcess.Run("radrscore", "--input", input, "--output", output);
        Assert.True(code == 0, error);
        Assert.Contains("\"radrscore\": 1", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenBadJsonLine_WhenScoring_ThenErrorNamesTheLine()
    {
        var input = Write("in.jsonl", "{\"pred\":\"x\",\"reason_steps\":[],\"original_report\":\"y\"}\n{not json\n");
        var (code, _, error) = ChestxProcess.Run("radrscore", "--input", input, "--output", folder.PathOf("o.json"));
        Assert.NotEqual(0, code);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenRecordWithoutPred_WhenScoring_ThenErrorNamesTheField()
    {
        var input = Write("in.jsonl", "{\"reason_steps\":[],\"original_report\":\"y\"}\n");
        var (code, _, error) = ChestxProcess.Run("radrscore", "--input", input, "--output", folder.PathOf("o.json"));
        Assert.NotEqual(0, code);
        Assert.Contains("missing 'pred'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenRadrBenchDev_WhenEvaluatingAgainstJudge_ThenTablePrintsEveryComponent()
    {
        var (code, output, error) = ChestxProcess.Run("evaluate-radrscore", "--input", TestPaths.SharedFile("data", "radrbench", "openi-dev.jsonl"));
        Assert.True(code == 0, error);
        Assert.Contains("| completeness |", output, StringComparison.Ordinal);
        Assert.Contains("| factuality |", output, StringComparison.Ordinal);
        Assert.Contains("| effectiveness |", output, StringComparison.Ordinal);
        Assert.Contains("259 records", output, StringComparison.Ordinal);
    }
}
