using System.Diagnostics;
using ChestXCds.Testing;

namespace ChestXCds.Fhir.Tests.Profiles;

public sealed class SushiOutputTests
{
    // REQ-FHIRMAP-09: the committed fsh-generated output is exactly what SUSHI produces from input/fsh now.
    [Fact]
    public async Task GivenTheFshSources_WhenSushiCompilesThem_ThenTheOutputEqualsTheCommittedStructureDefinitions()
    {
        var profiles = TestPaths.RepoFile("fhir-profiles");
        var sushi = Path.Combine(profiles, "node_modules", ".bin", "sushi");
        Assert.True(File.Exists(sushi), $"SUSHI is not installed at {sushi}; run scripts/install-prerequisites.sh.");
        var output = Directory.CreateTempSubdirectory("chestx-sushi-");
        try
        {
            var start = new ProcessStartInfo(sushi)
            {
                ArgumentList = { "build", profiles, "--out", output.FullName },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"SUSHI failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");

            var committed = Files(Path.Combine(profiles, "fsh-generated", "resources"));
            var produced = Files(Path.Combine(output.FullName, "fsh-generated", "resources"));
            Assert.Equal(committed.Keys.Order(StringComparer.Ordinal), produced.Keys.Order(StringComparer.Ordinal));
            Assert.NotEmpty(committed);
            foreach (var (name, text) in produced)
            {
                Assert.True(committed[name] == text, $"fsh-generated/resources/{name} differs from SUSHI's output; rebuild it (fhir-profiles/README.md).");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.json")
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal);
}
