using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.Cli.Demo;
using Hl7.Fhir.Model;

namespace ChestXCds.LoadTest;

/// <summary>
/// The demo world (real Orthanc with the shared DICOMs, WireMock FHIR server with the synthetic patient),
/// the demo EHR that signs CDS client JWTs, and a scratch folder; disposed together.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    public const string Issuer = "https://ehr.bench.chestxcds.invalid";
    public const string OrderSignPath = "cds-services/chestx-order-sign";

    private BenchEnvironment(DemoEhr ehr, DemoWorld world, DirectoryInfo work, string repositoryRoot, string shared)
    {
        Ehr = ehr;
        World = world;
        Work = work;
        RepositoryRoot = repositoryRoot;
        Shared = shared;
    }

    public DemoEhr Ehr { get; }

    public DemoWorld World { get; }

    public DirectoryInfo Work { get; }

    public string RepositoryRoot { get; }

    public string Shared { get; }

    public string JwksFile => Path.Combine(Work.FullName, "ehr-jwks.json");

    /// <param name="algorithm">How the EHR signs its JWTs: ES384 (default) or RS384.</param>
    /// <param name="ct">Stops the start.</param>
    public static async Task<BenchEnvironment> StartAsync(CancellationToken ct, string algorithm = DemoEhr.Es384)
    {
        var root = RepositoryLocator.Root();
        var shared = RepositoryLocator.Shared(root);
        var ehr = new DemoEhr(Issuer, algorithm);
        var work = Directory.CreateTempSubdirectory("chestx-bench-");
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "ehr-jwks.json"), ehr.JwksJson, ct);
        var world = await DemoWorld.StartAsync(Path.Combine(shared, "data", "dicom"), ct: ct);
        return new BenchEnvironment(ehr, world, work, root, shared);
    }

    /// <summary>The demo service configuration with an analysis budget long enough that a cold hook waits for the analysis.</summary>
    public Dictionary<string, string> ServiceSettings(int hookBudgetMilliseconds)
    {
        var settings = DefaultServiceSettings();
        settings["Analysis:HookBudgetMilliseconds"] = hookBudgetMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Analysis:Ai:MaxAnalysisWaitMilliseconds"] = hookBudgetMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>The demo service configuration with the service's own budgets (Analysis:HookBudgetMilliseconds, Analysis:Ai:MaxAnalysisWaitMilliseconds untouched).</summary>
    public Dictionary<string, string> DefaultServiceSettings() =>
        DemoServiceSettings.Create(Issuer, JwksFile, Path.Combine(Shared, "models"), Work.CreateSubdirectory(Guid.NewGuid().ToString("N")).FullName);

    public Task<ServiceProcess> StartServiceAsync(int hookBudgetMilliseconds, CancellationToken ct) =>
        StartServiceAsync(ServiceSettings(hookBudgetMilliseconds), ct);

    /// <summary>Starts the service with <paramref name="settings"/> and waits until /health/ready answers 200 (at most 180 s).</summary>
    public Task<ServiceProcess> StartServiceAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct) =>
        ServiceProcess.StartAsync(RepositoryRoot, settings, TimeSpan.FromSeconds(180), ct);

    /// <summary>
    /// An order-sign request as Epic sends it: patient, ImagingStudies and DiagnosticReports prefetched
    /// (searchset Bundles, newest first). The studies reference their DICOMweb Endpoint, which the service
    /// still reads from the FHIR server (prefetch cannot _include). <paramref name="studyIds"/> limits the
    /// prefetched studies and reports (default all). With <paramref name="containedEndpoint"/> each ImagingStudy
    /// contains its Endpoint instead (reference "#id"), so the hook needs no FHIR read at all.
    /// </summary>
    public JsonObject PrefetchedOrderSign(IReadOnlyCollection<string>? studyIds = null, bool containedEndpoint = false)
    {
        var request = World.OrderSignRequest();
        var chosen = World.Studies.Where(s => studyIds is null || studyIds.Contains(s.Id)).ToList();
        var studies = chosen.Select(s => (Resource)(containedEndpoint ? WithContainedEndpoint(World.ImagingStudy(s.Id)) : World.ImagingStudy(s.Id))).ToList();
        var reports = chosen.Where(s => s.ReportText is not null)
            .OrderByDescending(s => World.Now - s.Age)
            .Select(s => (Resource)DemoFhirData.Report(s, World.Now))
            .ToList();
        var prefetch = (JsonObject)request["prefetch"]!;
        prefetch["imagingStudies"] = JsonNode.Parse(DemoFhirData.Serialize(DemoFhirData.Searchset(studies, World.FhirBase)));
        prefetch["diagnosticReports"] = JsonNode.Parse(DemoFhirData.Serialize(DemoFhirData.Searchset(reports, World.FhirBase)));
        return request;
    }

    private ImagingStudy WithContainedEndpoint(ImagingStudy study)
    {
        study.Contained = [DemoFhirData.Endpoint(World.Pacs.DicomWebBaseAddress)];
        study.Endpoint = [new ResourceReference("#" + DemoFhirData.EndpointId)];
        return study;
    }

    /// <summary>One signed call; the answer's status, body, content type and wall time.</summary>
    public async Task<HookAnswer> SendAsync(Uri baseAddress, string path, JsonNode body, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        var url = new Uri(baseAddress, path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Ehr.Sign(url.AbsoluteUri));
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        watch.Stop();
        return new HookAnswer((int)response.StatusCode, bytes, response.Content.Headers.ContentType?.ToString() ?? "application/json", watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        Ehr.Dispose();
        try
        {
            Work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is being killed; the temp folder is cleaned by the OS.
        }
    }
}
