using System.Diagnostics;
using System.Text;
using ChestXCds.Cli.Demo;

namespace ChestXCds.LoadTest;

/// <summary>
/// Pre-signed CDS client JWTs, one file per wrk thread (PREFIX0.txt, PREFIX1.txt, ...), one token a line.
/// Every request needs its own token: the service remembers each jti until the token expires (5 minutes
/// after signing here), so the files are written just before the run that uses them.
/// </summary>
public static class TokenFiles
{
    public static string Write(DemoEhr ehr, Uri audience, string directory, string name, int threads, int perThread)
    {
        var prefix = Path.Combine(directory, name + "-");
        var watch = Stopwatch.StartNew();

        // The files in parallel: signing is the slow part (P-384 about 0.8 ms a token on this CPU, and the floor needs
        // several times the service's tokens), and JsonWebTokenHandler's signature providers are safe to share across threads.
        Parallel.For(0, threads, t =>
        {
            var text = new StringBuilder(perThread * 700);
            for (var i = 0; i < perThread; i++)
            {
                text.Append(ehr.Sign(audience.AbsoluteUri)).Append('\n');
            }

            File.WriteAllText(prefix + t.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".txt", text.ToString());
        });

        Console.WriteLine($"Signed {threads} x {perThread} tokens (aud {audience.AbsolutePath}) in {watch.Elapsed.TotalSeconds:0.0} s");
        return prefix;
    }
}
