using ChestXCds.Analysis.Caching;
using System.Collections.Concurrent;
using ChestXCds.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// Runs each study's image analysis once: a cache hit answers at once; otherwise one background run per
/// study and model version is shared by every hook and precompute request that asks meanwhile. A run
/// never uses a hook's cancellation token, so a hook that stops waiting does not stop the analysis.
/// A failure is remembered for <see cref="AiAnalysisOptions.RetryFailedAfterSeconds"/> so a down PACS is
/// not hammered by every hook.
/// </summary>
public sealed class AnalysisCoordinator(
    IImageFindingsAnalyzer analyzer,
    ImageFindingsCache cache,
    IOptionsMonitor<AiAnalysisOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<AnalysisCoordinator> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ImageFindings>>> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Exception Error)> _failures = new(StringComparer.Ordinal);

    /// <summary>The model whose version keys the analyses.</summary>
    public ModelDescriptor Model => analyzer.Model;

    /// <summary>The cached analysis, or the task of the run that will produce it (started when none runs).</summary>
    public async Task<AnalysisTicket> GetOrStartAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var cached = await cache.GetAsync(analyzer.Model, location.StudyInstanceUid, cancellationToken).ConfigureAwait(false);
        AnalysisTelemetry.CacheLookups.Add(1, new KeyValuePair<string, object?>("hit", cached is not null));
        if (cached is not null)
        {
            return AnalysisTicket.Cached(cached);
        }

        var key = ImageFindingsCache.Key(analyzer.Model, location.StudyInstanceUid);
        if (_failures.TryGetValue(key, out var failure)
            && time.GetUtcNow() - failure.At < TimeSpan.FromSeconds(options.CurrentValue.RetryFailedAfterSeconds))
        {
            return AnalysisTicket.Running(Task.FromException<ImageFindings>(failure.Error));
        }

        var run = _running.GetOrAdd(key, k => new Lazy<Task<ImageFindings>>(() => RunAsync(k, location, fhirAccessToken)));
        return AnalysisTicket.Running(run.Value);
    }

    private async Task<ImageFindings> RunAsync(string key, DicomStudyLocation location, string? fhirAccessToken)
    {
        // Off the caller's thread and token: the analysis outlives the hook that started it, not the host.
        await Task.Yield();
        try
        {
            var findings = await analyzer.AnalyzeAsync(location, fhirAccessToken, lifetime.ApplicationStopping).ConfigureAwait(false);
            await cache.SetAsync(findings, lifetime.ApplicationStopping).ConfigureAwait(false);
            _failures.TryRemove(key, out _);
            AnalysisTelemetry.AnalysisDuration.Record(findings.Timings.TotalMs);
            Log.AnalysisCompleted(logger, findings.Model.Name, findings.Scores.Count, findings.Timings.TotalMs);
            return findings;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            _failures[key] = (time.GetUtcNow(), ex);
            // The type only: imaging messages can name study UIDs and addresses.
            Log.AnalysisFailed(logger, ex.GetType().Name);
            throw;
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }
}
