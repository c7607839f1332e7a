using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChestXCds.CdsHooks.Tests.Infrastructure;

/// <summary>
/// A real redis-server (Debian package redis-server) on a free loopback port, without persistence, for the tests of one
/// class (xunit class fixture): started within 10 s, stopped at the end. When it cannot be started (not installed, or it
/// exits), <see cref="Unavailable"/> says why and the tests skip with that message.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly Process? process;

    public RedisServer()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            Unavailable = "redis-server is not installed (Debian: apt-get install redis-server); the shared jti replay cache is not tested.";
            return;
        }

        Port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Unavailable = $"redis-server could not be started: {ex.Message}";
            return;
        }

        if (process is not null)
        {
            // Drained, so the server never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        if (process is null || !WaitUntilItAnswers())
        {
            Unavailable = $"redis-server did not answer PING on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds:0} s.";
            Stop();
        }
    }

    /// <summary>Null when the server runs; otherwise why it does not (the skip message).</summary>
    public string? Unavailable { get; }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=2000";

    public void Dispose() => Stop();

    private bool WaitUntilItAnswers()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process!.HasExited)
            {
                return false;
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.ReadTimeout = 1000;
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                // Not listening yet.
            }

            Thread.Sleep(50);
        }

        return false;
    }

    private void Stop()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
