using System.Diagnostics;
using System.Text.Json;
using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using ChestXCds.CdsHooks.Services;
using ChestXCds.Domain;
using ChestXCds.Domain.Records;
using ChestXCds.Imaging;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Inference;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Hooks;

/// <summary>
/// Runs every path of a hook once before the service says it is ready, so the first real hook pays no model load
/// and no JIT: JWT verification (<see cref="WarmupTokens"/>) and the request validator, a synthetic patient-view hook
/// through <see cref="CdsHookHandler"/> (request JSON, prefetch parsing,
/// translation, selection, card composition, card rules, response JSON), the pixel pipeline and the model on a
/// synthetic image, and the Reason and Map stages on the model's scores. It touches no cache, no FHIR server and no
/// PACS. First it removes instance files a crashed run left behind (<see cref="TemporaryInstanceFiles.DeleteStale"/>).
/// <see cref="Completed"/> turns true when it has run, even if a part failed (a model that cannot load is a
/// degraded start, reported by its own log, not a reason never to be ready).
/// </summary>
public sealed class HookWarmup(IServiceProvider services, ILogger<HookWarmup> logger) : BackgroundService
{
    /// <summary>An instance file older than this is no decode in progress (decodes take seconds): a crashed run's.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private volatile bool _completed;

    /// <summary>The warm-up has run; readiness waits for it.</summary>
    public bool Completed => _completed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var temporary = services.GetRequiredService<IOptions<DicomWebOptions>>().Value.TemporaryDirectory;
            var removed = TemporaryInstanceFiles.DeleteStale(temporary, StaleAfter, services.GetRequiredService<TimeProvider>().GetUtcNow());
            if (removed > 0)
            {
                Log.StaleTemporaryFilesRemoved(logger, removed);
            }

            await WarmAsync(stoppingToken).ConfigureAwait(false);
            Log.WarmupCompleted(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.WarmupFailed(logger, ex.GetType().Name);
        }
        finally
        {
            _completed = true;
        }
    }

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        // The hook flow, serialisers included; the synthetic study has no Study Instance UID, so no analysis starts.
        var request = JsonSerializer.Deserialize<CdsHookRequest>(WarmupRequest.PatientViewJson(DateTimeOffset.UtcNow), CdsHooksJson.Options)
            ?? throw new InvalidOperationException("The warm-up request did not parse.");
        // What runs before the handler: JWT verification (the library, with keys made here) and the request validator,
        // whose rules FluentValidation compiles on first use.
        await WarmupTokens.VerifyOnceAsync().ConfigureAwait(false);
        await services.GetRequiredService<IValidator<CdsHookRequest>>().ValidateAsync(request, cancellationToken).ConfigureAwait(false);

        var handler = services.GetRequiredService<CdsHookHandler>();
        var service = ChestXServices.Find(ChestXServices.PatientViewId) ?? throw new InvalidOperationException("No patient-view service.");
        var result = await handler.HandleAsync(service, request, WarmupRequest.Client, cancellationToken).ConfigureAwait(false);
        JsonSerializer.SerializeToUtf8Bytes(result.Response, CdsHooksJson.Options);

        // The model (session creation, first run) on the pixel pipeline's output for a synthetic radiograph.
        var classifier = services.GetRequiredService<IFindingClassifier>();
        var image = new DisplayImage(512, 512, new byte[512 * 512]);
        var tensor = services.GetRequiredService<IPixelPipeline>().ToTensor(image, classifier.Preprocessing);
        var scores = await classifier.ClassifyAsync(tensor, cancellationToken).ConfigureAwait(false);

        // Reason and Map on those scores with one synthetic prior report; the card and its JSON.
        var findings = new ImageFindings(WarmupRequest.StudyUid, WarmupRequest.StudyUid + ".1", WarmupRequest.StudyUid + ".1.1", classifier.Model, scores, DateTimeOffset.UtcNow, new ImageAnalysisTimings(0, 0, 0));
        var inputs = new SuggestionInputs(WarmupRequest.Client, findings, [new PriorReport("DiagnosticReport/warmup", DateTimeOffset.UtcNow.AddDays(-30), WarmupRequest.PriorReportText)], "Patient/warmup", "ImagingStudy/warmup", "ServiceRequest/warmup", "Practitioner/warmup");
        var prepared = services.GetRequiredService<SuggestionBuilder>().Build(inputs, inputs.Digest());
        var now = DateTimeOffset.UtcNow;
        var study = new ChestStudy(new StudyRecord { Id = "warmup", StudyInstanceUid = WarmupRequest.StudyUid, Started = now.AddHours(-1), Modalities = ["DX"] }, now.AddHours(-1), "DX", null, "No acute disease.");
        var card = AiCardComposer.Analysis(new AiCardInput(prepared.Analysis, study, prepared.Resources, study, services.GetRequiredService<IOptionsMonitor<AiAnalysisOptions>>().CurrentValue, now));
        JsonSerializer.SerializeToUtf8Bytes(new CdsHooksResponse([card]), CdsHooksJson.Options);
    }
}
