using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChestXCds.CdsHooks.Authentication;

namespace ChestXCds.LoadTest;

/// <summary>
/// bench/ChestXCds.BareEndpoint (built next to this tool) as its own process on a loopback port, given the
/// service's CdsClients settings so that it verifies the same JWTs against the same issuer allow-list and keys.
/// </summary>
public sealed class BareEndpointProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BareEndpointProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="clientSettings">The service's <c>CdsClients:*</c> settings (issuer allow-list, JWKS file), passed as environment variables.</param>
    public static async Task<BareEndpointProcess> StartAsync(
        string repositoryRoot, string bodyFile, string contentType, IReadOnlyDictionary<string, string> clientSettings, CancellationToken ct)
    {
        if (!clientSettings.Keys.Any(k => k.StartsWith(CdsClientsOptions.SectionName + ":Clients:", StringComparison.Ordinal)))
        {
            throw new ArgumentException("The bare endpoint needs the service's CdsClients:Clients settings to verify JWTs.", nameof(clientSettings));
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var dll = Path.Combine(repositoryRoot, "bench", "ChestXCds.BareEndpoint", "bin", configuration, "net10.0", "ChestXCds.BareEndpoint.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built: dotnet build -c {configuration} bench/ChestXCds.LoadTest builds it.");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(bodyFile);
        start.ArgumentList.Add(contentType);
        start.ArgumentList.Add(baseAddress.AbsoluteUri.TrimEnd('/'));
        // As the service under test runs (ServiceProcess): Development, where loopback http is allowed.
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in clientSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bare endpoint.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("bare: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bare = new BareEndpointProcess(process, baseAddress);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bare endpoint exited with {process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return bare;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        await bare.DisposeAsync();
        throw new InvalidOperationException("The bare endpoint was not ready within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
