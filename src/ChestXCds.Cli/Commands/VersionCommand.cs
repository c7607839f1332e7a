using System.CommandLine;
using System.Reflection;

namespace ChestXCds.Cli.Commands;

/// <summary>`chestx version`: prints the tool's version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the chestx version.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return 0;
        });
        return command;
    }
}
