using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.Cli.Demo;
using ChestXCds.Testing;

namespace ChestXCds.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One real Orthanc loaded with the shared DICOMs and one FHIR server with the synthetic patient, shared
/// by every end-to-end test; each test starts its own service process (the built ChestXCds.Api) with
/// the configuration it needs, so caches never leak between tests.
/// </summary>
public sealed class EndToEndWorld : IAsyncLifetime
{
    public const string Issuer = "https://ehr.e2e.chestxcds.invalid";

    private readonly DemoEhr _ehr = new(Issuer);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("chestx-e2e-");
    private DemoWorld? _world;

    public DemoWorld World => _world ?? throw new InvalidOperationException("The world is not started.");

    public DemoEhr Ehr => _ehr;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(JwksFile, _ehr.JwksJson);
        _world = await DemoWorld.StartAsync(TestPaths.SharedFile("data", "dicom"));
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }

        _ehr.Dispose();
        _work.Delete(recursive: true);
    }

    private string JwksFile => Path.Combine(_work.FullName, "jwks.json");

    /// <summary>A service process with the demo configuration plus <paramref name="overrides"/>.</summary>
    public Task<ServiceProcess> StartServiceAsync(IReadOnlyDictionary<string, string>? overrides = null, string probePath = "health/ready")
    {
        var directory = _work.CreateSubdirectory(Guid.NewGuid().ToString("N"));
        var settings = DemoServiceSettings.Create(Issuer, JwksFile, TestPaths.SharedFile("models"), directory.FullName);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return ServiceProcess.StartAsync(TestPaths.RepositoryRoot, settings, TimeSpan.FromSeconds(120), CancellationToken.None, probePath);
    }

    /// <summary>Sends a request signed by the world's EHR (aud = the URL called).</summary>
    public async Task<ServiceAnswer> SendAsync(ServiceProcess service, HttpMethod method, string path, JsonNode? body = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var url = new Uri(service.BaseAddress, path);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _ehr.Sign(url.AbsoluteUri));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        return new ServiceAnswer((int)response.StatusCode, text, watch.Elapsed);
    }
}
