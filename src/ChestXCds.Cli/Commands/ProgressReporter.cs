using System.Diagnostics;
using System.Globalization;

namespace ChestXCds.Cli.Commands;

/// <summary>Progress on stderr every <see cref="Every"/> items and at the end, with the rate.</summary>
internal sealed class ProgressReporter
{
    public const int Every = 1000;

    private readonly TextWriter error;
    private readonly string noun;
    private readonly long started = Stopwatch.GetTimestamp();

    public ProgressReporter(TextWriter error, string noun)
    {
        this.error = error;
        this.noun = noun;
    }

    public void Tick(int done)
    {
        if (done % Every == 0)
        {
            error.WriteLine(Line(done));
        }
    }

    public void Done(int done) => error.WriteLine(Line(done) + " done");

    private string Line(int done)
    {
        var seconds = Math.Max(1e-6, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{done} {noun} ({done / seconds:0}/s)");
    }
}
