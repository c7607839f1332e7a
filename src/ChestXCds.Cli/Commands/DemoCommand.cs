using System.CommandLine;
using ChestXCds.Cli.Demo;
using Spectre.Console;

namespace ChestXCds.Cli.Commands;

/// <summary>`chestx demo [--serve]`: the whole product on embedded defaults (see <see cref="DemoRunner"/>).</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var serve = new Option<bool>("--serve") { Description = "Keep Orthanc, the FHIR server and the service running after the demo, until Ctrl+C." };
        var shared = new Option<DirectoryInfo?>("--shared") { Description = "The shared data folder (default: CHESTX_SHARED, else ../shared beside the repository)." };
        var command = new Command("demo", "Start Orthanc, a FHIR server with a synthetic patient and the service; sign a chest X-ray order and print the cards.") { serve, shared };
        command.SetAction(async (parseResult, ct) =>
        {
            var root = RepositoryLocator.Root();
            var sharedDirectory = parseResult.GetValue(shared)?.FullName ?? RepositoryLocator.Shared(root);
            try
            {
                return await new DemoRunner(AnsiConsole.Console, root, sharedDirectory).RunAsync(parseResult.GetValue(serve), ct);
            }
            catch (InvalidOperationException ex)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("demo failed: " + ex.Message);
                return 1;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return 0;
            }
        });
        return command;
    }
}
