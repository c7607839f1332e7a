using System.Globalization;
using System.Text.RegularExpressions;
using ChestXCds.Cli.Demo;

namespace ChestXCds.LoadTest;

/// <summary>The image analysis times the service logs itself (EventId 7101, "produced N score(s) in X ms").</summary>
public static partial class AnalysisLog
{
    /// <summary>
    /// The <paramref name="nth"/> analysis time the service logged, waiting up to <paramref name="wait"/> for it (the console
    /// logger writes asynchronously, and an analysis that outlived its hook finishes in the background); NaN when none came.
    /// </summary>
    public static async Task<double> NthAsync(ServiceProcess service, int nth, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var logged = Logged().Matches(service.OutputTail);
            if (logged.Count >= nth)
            {
                return double.Parse(logged[nth - 1].Groups[1].Value, CultureInfo.InvariantCulture);
            }

            if (DateTime.UtcNow >= deadline)
            {
                return double.NaN;
            }

            await Task.Delay(50, ct);
        }
    }

    [GeneratedRegex(@"produced \d+ score\(s\) in ([\d.]+) ms")]
    private static partial Regex Logged();
}
