using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Cli.Demo;

/// <summary>
/// A real Orthanc PACS with its DICOMweb plugin, run as a user process on a free loopback port with a
/// temporary storage folder and the DICOM (DIMSE) port disabled. Demo and test scaffolding, not part of
/// the service: `chestx demo`, the Imaging integration tests, the end-to-end tests and the load
/// benchmark use it. Dispose stops it and deletes the storage it created.
/// </summary>
public sealed class OrthancServer : IAsyncDisposable
{
    private const string Watchdog =
        "\"$0\" \"$1\" >\"$2\" 2>&1 & child=$!; " +
        "while kill -0 \"$3\" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; " +
        "kill $child 2>/dev/null; wait $child";

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly string _workDirectory;
    private readonly ILogger _logger;
    private bool _disposed;

    private OrthancServer(Process process, HttpClient http, int httpPort, string workDirectory, string storageDirectory, ILogger logger)
    {
        _process = process;
        _http = http;
        HttpPort = httpPort;
        _workDirectory = workDirectory;
        StorageDirectory = storageDirectory;
        _logger = logger;
    }

    public int HttpPort { get; }

    /// <summary>Orthanc's REST API, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>The DICOMweb (QIDO-RS/WADO-RS) base, e.g. http://127.0.0.1:40123/dicom-web (no trailing slash).</summary>
    public Uri DicomWebBaseAddress => new($"http://127.0.0.1:{HttpPort}/dicom-web");

    public string StorageDirectory { get; }

    /// <summary>Orthanc's log (stdout and stderr), for diagnosing a failed test.</summary>
    public string LogPath => Path.Combine(_workDirectory, "orthanc.log");

    /// <exception cref="InvalidOperationException">Orthanc or its plugin is missing, or it did not start in time (the message carries its log tail).</exception>
    public static async Task<OrthancServer> StartAsync(OrthancServerOptions? options = null, ILogger? logger = null, CancellationToken ct = default)
    {
        options ??= new OrthancServerOptions();
        logger ??= NullLogger.Instance;
        if (!File.Exists(options.ExecutablePath))
        {
            throw new InvalidOperationException($"Orthanc is not installed at {options.ExecutablePath}; run scripts/install-prerequisites.sh (Debian package orthanc).");
        }

        if (!File.Exists(options.DicomWebPluginPath))
        {
            throw new InvalidOperationException($"The Orthanc DICOMweb plugin is not installed at {options.DicomWebPluginPath}; run scripts/install-prerequisites.sh (Debian package orthanc-dicomweb).");
        }

        // A free port can be taken between choosing and binding it; try a few.
        InvalidOperationException? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, logger, ct);
            }
            catch (InvalidOperationException ex) when (options.HttpPort == 0)
            {
                last = ex;
            }
        }

        throw last!;
    }

    private static async Task<OrthancServer> StartOnceAsync(OrthancServerOptions options, ILogger logger, CancellationToken ct)
    {
        var port = options.HttpPort == 0 ? FreeLoopbackPort() : options.HttpPort;
        var work = Directory.CreateTempSubdirectory("chestx-orthanc-").FullName;
        var storage = options.StorageDirectory ?? Path.Combine(work, "storage");
        Directory.CreateDirectory(storage);
        var configuration = new JsonObject
        {
            ["Name"] = options.Name,
            [nameof(HttpPort)] = port,
            ["DicomServerEnabled"] = false,
            ["DicomPort"] = FreeLoopbackPort(),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            [nameof(StorageDirectory)] = storage,
            ["IndexDirectory"] = storage,
            ["StorageCompression"] = false,
            ["SaveJobs"] = false,
            ["Plugins"] = new JsonArray(options.DicomWebPluginPath),
            ["DicomWeb"] = new JsonObject { ["Enable"] = true, ["Root"] = "/dicom-web/", ["EnableWado"] = false },
        };
        var configurationPath = Path.Combine(work, "orthanc.json");
        await File.WriteAllTextAsync(configurationPath, configuration.ToJsonString(), ct);

        var logPath = Path.Combine(work, "orthanc.log");
        var start = new ProcessStartInfo("/bin/sh")
        {
            // Orthanc logs verbosely; a file keeps its pipes from filling and blocking it. The shell
            // stays as a watchdog: if this process dies without disposing (a crashed test host),
            // it stops Orthanc instead of leaving it running.
            ArgumentList = { "-c", Watchdog, options.ExecutablePath, configurationPath, logPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Orthanc could not be launched.");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        var server = new OrthancServer(process, http, port, work, storage, logger);
        try
        {
            var version = await server.WaitUntilReadyAsync(options.StartTimeout, ct);
            Log.OrthancStarted(logger, version, port);
            return server;
        }
        catch
        {
            var tail = server.LogTail();
            await server.DisposeAsync();
            throw new InvalidOperationException($"Orthanc did not become ready on port {port} within {options.StartTimeout.TotalSeconds:0} s. Log tail:\n{tail}");
        }
    }

    /// <summary>Stores one DICOM file (POST /instances).</summary>
    /// <returns>Orthanc's instance id.</returns>
    /// <exception cref="InvalidOperationException">Orthanc refused the file (not DICOM).</exception>
    public async Task<string> UploadAsync(string dicomPath, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var file = File.OpenRead(dicomPath);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using var response = await _http.PostAsync(new Uri("instances", UriKind.Relative), content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Orthanc refused {Path.GetFileName(dicomPath)} (HTTP {(int)response.StatusCode}).");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("ID").GetString() ?? throw new InvalidOperationException("Orthanc answered without an instance ID.");
    }

    /// <summary>Stores several DICOM files; returns their Orthanc ids in order.</summary>
    public async Task<IReadOnlyList<string>> UploadAsync(IEnumerable<string> dicomPaths, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dicomPaths);
        var ids = new List<string>();
        foreach (var path in dicomPaths)
        {
            ids.Add(await UploadAsync(path, ct));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                // Orthanc flushes its SQLite index on a clean shutdown; kill it if it does not stop.
                using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await _http.PostAsync(new Uri("tools/shutdown", UriKind.Relative), null, shutdown.Token);
                await _process.WaitForExitAsync(shutdown.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _http.Dispose();
        Log.OrthancStopped(_logger, HttpPort);
        // A caller-given storage folder lies outside the work folder and is kept.
        TryDeleteDirectory(_workDirectory);
    }

    private async Task<string> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited with code {_process.ExitCode}.");
            }

            try
            {
                using var plugins = await _http.GetAsync(new Uri("plugins", UriKind.Relative), ct);
                if (plugins.StatusCode == HttpStatusCode.OK && (await plugins.Content.ReadAsStringAsync(ct)).Contains("dicom-web", StringComparison.Ordinal))
                {
                    using var system = await _http.GetAsync(new Uri("system", UriKind.Relative), ct);
                    using var json = JsonDocument.Parse(await system.Content.ReadAsStringAsync(ct));
                    return json.RootElement.GetProperty("Version").GetString() ?? "?";
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("Orthanc did not answer in time.");
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogPath);
            return string.Join('\n', lines.TakeLast(20));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
