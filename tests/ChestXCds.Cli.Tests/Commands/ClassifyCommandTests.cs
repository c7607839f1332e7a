using System.Diagnostics;
using System.Text.Json;
using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Commands;

// REQ-INF-11: `chestx classify` prints the probability per label, the provider and the model version.
public class ClassifyCommandTests
{
    private static readonly string NihNoFinding = TestPaths.SharedFile("data", "dicom", "nih_gcp_1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm");

    [Fact]
    public void GivenNihDicom_WhenClassifiedWithTheDefaultModel_ThenEachLabelIsPrintedWithProviderAndVersion()
    {
        var (exit, output, error) = ChestxProcess.Run("classify", NihNoFinding, "--models-root", TestPaths.SharedFile("models"), "--provider", "Cpu");

        Assert.True(exit == 0, error);
        Assert.Contains("nih-multilabel 1.0.0 on CPU", output, StringComparison.Ordinal);
        foreach (var label in new[] { "Atelectasis", "Cardiomegaly", "Pleural effusion", "Infiltration" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        Assert.Contains("not for clinical use", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GivenJsonFlag_WhenClassifiedWithSqueezenet_ThenJsonHasModelAndSoftmaxScoresSummingToOne()
    {
        var (exit, output, error) = ChestxProcess.Run("classify", NihNoFinding, "--model", "squeezenet-pneumonia", "--models-root", TestPaths.SharedFile("models"), "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var model = doc.RootElement.GetProperty("model");
        Assert.Equal("squeezenet-pneumonia", model.GetProperty("name").GetString());
        Assert.Equal("1.0.0", model.GetProperty("version").GetString());
        Assert.Contains(model.GetProperty("provider").GetString(), new[] { "CPU", "CUDA" });
        var scores = doc.RootElement.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(["Bacterial_Pneumonia", "No_Finding", "Viral_Pneumonia"], scores.Select(s => s.GetProperty("findingId").GetString()));
        Assert.Equal(1.0, scores.Sum(s => s.GetProperty("probability").GetDouble()), 6);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not-dicom")]
    [InlineData("unknown-model")]
    [InlineData("no-weights")]
    public void GivenBadInput_WhenClassified_ThenOneErrorLineAndExitCode2(string problem)
    {
        var notDicom = Path.Combine(Path.GetTempPath(), $"chestx-not-dicom-{Guid.NewGuid():N}.dcm");
        File.WriteAllText(notDicom, "this is not a DICOM file");
        try
        {
            string[] args = problem switch
            {
                "missing" => ["classify", "/nowhere/x.dcm", "--models-root", TestPaths.SharedFile("models")],
                "not-dicom" => ["classify", notDicom, "--models-root", TestPaths.SharedFile("models")],
                "unknown-model" => ["classify", NihNoFinding, "--model", "no-such-model", "--models-root", TestPaths.SharedFile("models")],
                _ => ["classify", NihNoFinding, "--models-root", Path.GetTempPath()],
            };

            var (exit, _, error) = ChestxProcess.Run(args);

            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notDicom);
        }
    }
}
