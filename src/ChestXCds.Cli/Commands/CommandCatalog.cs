using System.CommandLine;

namespace ChestXCds.Cli.Commands;

/// <summary>The list of `chestx` subcommands. Add one line per command; keep the order of the README.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        // Each command lives in its own file and is added here.
        yield return DemoCommand.Create();
        yield return VersionCommand.Create();
        yield return ClassifyCommand.Create();
        yield return RenderCommand.Create();
        yield return InspectCommand.Create();
        yield return MineCommand.Create();
        yield return EvaluateLabelsCommand.Create();
        yield return RadrScoreCommand.Create();
        yield return EvaluateRadrScoreCommand.Create();
        yield return ValidateCommand.Create();
    }
}
