using System.Diagnostics;

namespace ChestXCds.Cli.Tests.Commands;

/// <summary>Runs the built `chestx` (copied next to the tests) as a real process and captures its output; bounded in time.</summary>
internal static class ChestxProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chestx.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chestx {string.Join(' ', args)} did not finish within {Limit.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await output, await error);
    }
}
