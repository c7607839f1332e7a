using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChestXCds.Cli.Demo;

/// <summary>
/// The ChestXCds service run the way a deployment runs it: its own process (the built
/// ChestXCds.Api.dll under `dotnet`), on a loopback port, configured through environment variables.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:40111/</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many lines the service has written that contain <paramref name="text"/> (e.g. a log EventId such as "[7101]").</summary>
    public int CountOutput(string text)
    {
        lock (_output)
        {
            var all = _output.ToString();
            var count = 0;
            for (var at = all.IndexOf(text, StringComparison.Ordinal); at >= 0; at = all.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>The last lines the service wrote, for a failure message.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts the service and waits until <paramref name="probePath"/> (default /health/ready) answers 200.</summary>
    /// <exception cref="InvalidOperationException">The service is not built, exits, or is not ready in time (the message has its output).</exception>
    public static Task<ServiceProcess> StartAsync(
        string repositoryRoot, IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout, CancellationToken ct, string probePath = "health/ready")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = StartInfo(repositoryRoot, FindApiAssembly(repositoryRoot), "--urls", baseAddress.AbsoluteUri.TrimEnd('/'));
        // Development: the demo's FHIR server and PACS are plain http on loopback, which only Development allows
        // (CdsClients allow-lists; Production is https only and needs PublicBaseUrl and the lists).
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return LaunchAsync(start, baseAddress, readyTimeout, probePath, ct);
    }

    /// <summary>
    /// Starts the service the way the README says a developer does, from the repository root:
    /// <c>dotnet run --no-build -c &lt;this build's configuration&gt; --project src/ChestXCds.Api -- --urls http://127.0.0.1:&lt;free port&gt;</c>,
    /// with no settings of its own (no model paths: CHESTX_MODELS and Inference__* are removed from the
    /// environment it inherits), and waits until <paramref name="probePath"/> answers 200.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service is not built, exits, or does not answer in time (the message has its output).</exception>
    public static Task<ServiceProcess> StartAsReadmeSaysAsync(string repositoryRoot, TimeSpan readyTimeout, CancellationToken ct, string probePath = "health/live")
    {
        FindApiAssembly(repositoryRoot);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = StartInfo(
            repositoryRoot, "run", "--no-build", "-c", BuildConfiguration, "--project", Path.Combine("src", "ChestXCds.Api"),
            "--", "--urls", baseAddress.AbsoluteUri.TrimEnd('/'));
        foreach (var inherited in start.Environment.Keys.Where(k => k == "CHESTX_MODELS" || k.StartsWith("Inference__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        return LaunchAsync(start, baseAddress, readyTimeout, probePath, ct);
    }

    private static ProcessStartInfo StartInfo(string repositoryRoot, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<ServiceProcess> LaunchAsync(ProcessStartInfo start, Uri baseAddress, TimeSpan readyTimeout, string probePath, CancellationToken ct)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start `dotnet` for the service.");
        var service = new ServiceProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + readyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} while starting. Output:\n{service.OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(probePath, UriKind.Relative), ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow first answer while the model warms up.
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }

        await service.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"The service was not ready within {readyTimeout.TotalSeconds:0} s. Output:\n{service.OutputTail}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    /// <summary>The configuration this program was built in (Release or Debug), from its bin/&lt;configuration&gt;/net10.0 folder.</summary>
    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";

    /// <summary>The built service next to this CLI's build (same configuration), e.g. src/ChestXCds.Api/bin/Release/net10.0/ChestXCds.Api.dll.</summary>
    public static string FindApiAssembly(string repositoryRoot)
    {
        foreach (var candidate in new[] { BuildConfiguration, "Release", "Debug" }.Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(repositoryRoot, "src", "ChestXCds.Api", "bin", candidate, "net10.0", "ChestXCds.Api.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("The ChestXCds service is not built. Build the solution first (`./build.sh demo` does), or run `dotnet build ChestXCds.sln -c Release`.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
