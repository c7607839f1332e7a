using System.Diagnostics;
using System.Globalization;

namespace ChestXCds.LoadTest;

/// <summary>CPU time of processes on this Linux machine, from /proc (user + system), in milliseconds.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux.

    /// <summary>The process whose command line contains every one of <paramref name="parts"/> (e.g. the service dll and its --urls).</summary>
    public static int? Find(params string[] parts)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (parts.All(p => cmdline.Contains(p, StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return null;
    }

    public static double Milliseconds(int? pid)
    {
        if (pid is null)
        {
            return double.NaN;
        }

        if (pid == Environment.ProcessId)
        {
            return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the ") " that ends the command name.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks * 1000 / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Busy CPU time of the whole machine (all cores, everything but idle and iowait), ms.</summary>
    public static double MachineBusyMilliseconds()
    {
        var first = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = first.Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var busy = values.Sum() - values[3] - values[4];
        return busy * 1000 / TicksPerSecond;
    }
}
