namespace ChestXCds.Cli.Commands;

/// <summary>Turns input errors into one clear line on stderr and exit code 2 (no stack trace).</summary>
internal static class CommandErrors
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return BadInput;
        }
    }

    public static TextReader OpenText(string path) =>
        File.Exists(path) ? new StreamReader(path) : throw new CliInputException($"input file '{path}' does not exist.");
}
