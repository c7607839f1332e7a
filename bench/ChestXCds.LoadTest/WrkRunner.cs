using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChestXCds.LoadTest;

/// <summary>Runs wrk (bounded by its own -d, and killed if it overruns) against a loopback URL with bench/order-sign.lua.</summary>
public static partial class WrkRunner
{
    public static async Task<WrkResult> RunAsync(
        string repositoryRoot, Uri baseAddress, int threads, int connections, int seconds, string tokenPrefix, string bodyFile, CancellationToken ct)
    {
        if (!baseAddress.IsLoopback || baseAddress.Host != "127.0.0.1")
        {
            throw new InvalidOperationException($"The load tool only targets 127.0.0.1, not {baseAddress.Host}.");
        }

        var script = Path.Combine(repositoryRoot, "bench", "order-sign.lua");
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "5s", "--latency", "-s", script,
            baseAddress.AbsoluteUri.TrimEnd('/'), "--", tokenPrefix, bodyFile,
        })
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"$ wrk {string.Join(' ', start.ArgumentList)}");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("wrk is not installed (scripts/install-prerequisites.sh installs it).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var overrun = CancellationTokenSource.CreateLinkedTokenSource(ct);
            overrun.CancelAfter(TimeSpan.FromSeconds(seconds + 60));
            try
            {
                await process.WaitForExitAsync(overrun.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("wrk overran its duration by a minute and was stopped.");
            }

            var output = await stdout + await stderr;
            Console.Write(output);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk exited with {process.ExitCode}.");
            }

            return Parse(output);
        }
    }

    public static WrkResult Parse(string output)
    {
        double Percentile(string p)
        {
            var m = Regex.Match(output, @"^\s*" + p + @"%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
            return m.Success ? ToMs(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
        }

        var rps = RequestsPerSecondPattern().Match(output);
        var requests = RequestsPattern().Match(output);
        var non2xx = Non2xxPattern().Match(output);
        var socket = SocketErrorsPattern().Match(output);
        var check = CheckPattern().Match(output);
        return new WrkResult(
            Percentile("50"),
            Percentile("99"),
            rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0,
            check.Success ? check.Value.Trim() : "chestx-check: missing (the Lua script did not report)",
            output);
    }

    private static double ToMs(string value, string unit)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, _ => v * 60_000 };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondPattern();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxPattern();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsPattern();

    [GeneratedRegex(@"^chestx-check:.*$", RegexOptions.Multiline)]
    private static partial Regex CheckPattern();
}
