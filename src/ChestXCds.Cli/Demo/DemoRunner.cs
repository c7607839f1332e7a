using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace ChestXCds.Cli.Demo;

/// <summary>
/// `chestx demo`: starts Orthanc with the shared DICOMs, the synthetic patient's FHIR server and the
/// service (its own process), signs an order for a chest X-ray as an EHR would (order-sign, signed
/// JWT, fhirAuthorization), prints the cards, and stops everything unless asked to keep serving.
/// </summary>
public sealed class DemoRunner(IAnsiConsole console, string repositoryRoot, string sharedDirectory)
{
    private const string Issuer = "https://ehr.demo.chestxcds.invalid";

    /// <summary>How long the demo waits for the cold analysis to land in the cache.</summary>
    private static readonly TimeSpan AnalysisWait = TimeSpan.FromSeconds(90);

    public async Task<int> RunAsync(bool serve, CancellationToken ct)
    {
        var modelsRoot = Path.Combine(sharedDirectory, "models");
        var dicomDirectory = Path.Combine(sharedDirectory, "data", "dicom");
        using var ehr = new DemoEhr(Issuer);
        var work = Directory.CreateTempSubdirectory("chestx-demo-");
        try
        {
            var jwksFile = Path.Combine(work.FullName, "ehr-jwks.json");
            await File.WriteAllTextAsync(jwksFile, ehr.JwksJson, ct).ConfigureAwait(false);

            DemoWorld? world = null;
            await console.Status().StartAsync("Starting Orthanc (DICOMweb) and loading the shared DICOM files…", async _ =>
                world = await DemoWorld.StartAsync(dicomDirectory, ct: ct).ConfigureAwait(false)).ConfigureAwait(false);
            await using var pacsAndFhir = world!;
            console.MarkupLine($"[green]✓[/] Orthanc PACS with DICOMweb at [blue]{world!.Pacs.DicomWebBaseAddress}[/]");
            console.MarkupLine($"[green]✓[/] FHIR server (WireMock.Net) with the synthetic patient at [blue]{world.FhirBase}[/]");

            var settings = DemoServiceSettings.Create(Issuer, jwksFile, modelsRoot, work.FullName);
            settings["Logging:LogLevel:ChestXCds.Analysis.Analyzing"] = "Warning";
            ServiceProcess? service = null;
            await console.Status().StartAsync("Starting the ChestXCds service and warming up the model…", async _ =>
                service = await ServiceProcess.StartAsync(repositoryRoot, settings, TimeSpan.FromSeconds(90), ct).ConfigureAwait(false)).ConfigureAwait(false);
            await using var running = service!;
            console.MarkupLine($"[green]✓[/] ChestXCds service at [blue]{service!.BaseAddress}[/] (ready)");

            using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var discovery = await SendAsync(http, ehr, HttpMethod.Get, "cds-services", null, ct).ConfigureAwait(false);
            var services = discovery.Json.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
            console.MarkupLine($"[green]✓[/] Discovery lists {services.Count} services: {Markup.Escape(string.Join(", ", services))}");

            console.WriteLine();
            console.Write(new Rule("[bold]Dr Demo signs an order for a chest X-ray[/]").LeftJustified());
            var first = await SendAsync(http, ehr, HttpMethod.Post, "cds-services/chestx-order-sign", world.OrderSignRequest(), ct).ConfigureAwait(false);
            console.MarkupLine($"order-sign answered [bold]{first.Status}[/] in {first.Elapsed.TotalMilliseconds:0} ms (the first hook: nothing was analysed or cached before it)");
            CardPrinter.Print(console, first.Json);

            var final = first;
            if (!HasAiCard(first.Json))
            {
                console.MarkupLine("[grey]The analysis goes on in the background; the next check of the same order finds it cached.[/]");
                var deadline = DateTime.UtcNow + AnalysisWait;
                do
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                    final = await SendAsync(http, ehr, HttpMethod.Post, "cds-services/chestx-order-sign", world.OrderSignRequest(), ct).ConfigureAwait(false);
                }
                while (!HasAiCard(final.Json) && DateTime.UtcNow < deadline);

                console.WriteLine();
                console.Write(new Rule("[bold]The same order, checked again[/]").LeftJustified());
                console.MarkupLine($"order-sign answered [bold]{final.Status}[/] in {final.Elapsed.TotalMilliseconds:0} ms");
                CardPrinter.Print(console, final.Json);
            }

            if (!HasAiCard(final.Json))
            {
                console.MarkupLine($"[red]The AI analysis did not complete within {AnalysisWait.TotalSeconds:0} s.[/] Service output:");
                console.WriteLine(service.OutputTail);
                return 1;
            }

            if (serve)
            {
                console.MarkupLine($"\nServing until Ctrl+C. Service [blue]{service.BaseAddress}[/], FHIR [blue]{world.FhirBase}[/], DICOMweb [blue]{world.Pacs.DicomWebBaseAddress}[/]; EHR issuer {Issuer}, its public keys in {jwksFile}.");
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            }

            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static bool HasAiCard(JsonElement response) =>
        response.TryGetProperty("cards", out var cards)
        && cards.EnumerateArray().Any(c => c.TryGetProperty("source", out var s) && s.TryGetProperty("topic", out var t)
            && t.TryGetProperty("code", out var code) && code.GetString() == "chest-ai-analysis");

    private static async Task<(int Status, JsonElement Json, TimeSpan Elapsed)> SendAsync(
        HttpClient http, DemoEhr ehr, HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        var url = new Uri(http.BaseAddress!, path);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ehr.Sign(url.AbsoluteUri));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return ((int)response.StatusCode, document.RootElement.Clone(), watch.Elapsed);
    }
}
