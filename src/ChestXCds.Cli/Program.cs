using System.CommandLine;
using ChestXCds.Cli.Commands;

// `chestx`: one subcommand per file under Commands/, each exposing a static Create().
var root = new RootCommand("ChestXCds: chest X-ray decision support with verifiable reasoning.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
