using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChestXCds.Analysis.Caching;
using ChestXCds.Domain;
using ChestXCds.Imaging.DicomWeb;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// The Image stage: runs each study's image analysis once per scope (<see cref="AnalysisScope"/>: calling client and
/// image source). A cache hit answers at once; otherwise one background run per key is shared by every hook and
/// precompute request of the same scope that asks meanwhile (and, when the hook's token goes to the PACS, the same
/// token). A run never uses a hook's cancellation token, so a hook that stops waiting does not stop the analysis.
/// A failure is remembered for <see cref="AiAnalysisOptions.RetryFailedAfterSeconds"/> under the same key, so a down
/// PACS is not hammered and one caller's bad token never blocks another's; the memo is bounded.
/// </summary>
public sealed class AnalysisCoordinator : IDisposable
{
    /// <summary>Failures remembered at most (the oldest give way).</summary>
    public const int MaxRememberedFailures = 10_000;

    private readonly IImageFindingsAnalyzer _analyzer;
    private readonly ImageFindingsCache _cache;
    private readonly IOptionsMonitor<AiAnalysisOptions> _options;
    private readonly IOptions<DicomWebOptions> _dicomWeb;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<AnalysisCoordinator> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<ImageFindings>>> _running = new(StringComparer.Ordinal);
    private readonly MemoryCache _failures;
    private readonly SemaphoreSlim _slots;

    public AnalysisCoordinator(
        IImageFindingsAnalyzer analyzer,
        ImageFindingsCache cache,
        IOptionsMonitor<AiAnalysisOptions> options,
        IOptions<DicomWebOptions> dicomWeb,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        ILogger<AnalysisCoordinator> logger)
    {
        _analyzer = analyzer;
        _cache = cache;
        _options = options;
        _dicomWeb = dicomWeb;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
        _failures = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxRememberedFailures });
        _slots = new SemaphoreSlim(options.CurrentValue.MaxConcurrentAnalyses);
    }

    /// <summary>The cached analysis, or the task of the run that will produce it (started when none runs).</summary>
    public async Task<AnalysisTicket> GetOrStartAsync(DicomStudyLocation location, AnalysisScope scope, string? fhirAccessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(scope);
        var model = _analyzer.Model;
        var cached = await _cache.GetAsync(model, scope, location.StudyInstanceUid, cancellationToken).ConfigureAwait(false);
        AnalysisTelemetry.CacheLookups.Add(1, new KeyValuePair<string, object?>("hit", cached is not null));
        if (cached is not null)
        {
            return AnalysisTicket.Cached(cached);
        }

        var key = RunKey(ImageFindingsCache.Key(model, scope, location.StudyInstanceUid), fhirAccessToken);
        if (_failures.TryGetValue(key, out Failure? failure) && failure is not null
            && _time.GetUtcNow() - failure.At < TimeSpan.FromSeconds(_options.CurrentValue.RetryFailedAfterSeconds))
        {
            return AnalysisTicket.Running(Task.FromException<ImageFindings>(failure.Error));
        }

        if (!_running.ContainsKey(key) && _running.Count >= _options.CurrentValue.MaxPendingAnalyses)
        {
            AnalysisTelemetry.BusyRefusals.Add(1);
            return AnalysisTicket.NotStarted;
        }

        var run = _running.GetOrAdd(key, k => new Lazy<Task<ImageFindings>>(() => RunAsync(k, location, scope, fhirAccessToken)));
        return AnalysisTicket.Running(run.Value);
    }

    public void Dispose()
    {
        _failures.Dispose();
        _slots.Dispose();
    }

    /// <summary>The cache key, plus a digest of the token when the token goes to the PACS (then the PACS decides per token).</summary>
    private string RunKey(string cacheKey, string? fhirAccessToken)
    {
        if (!_dicomWeb.Value.ForwardFhirAccessToken)
        {
            return cacheKey;
        }

        var token = fhirAccessToken is null ? "-" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fhirAccessToken)), 0, 16);
        return cacheKey + ":" + token;
    }

    private async Task<ImageFindings> RunAsync(string key, DicomStudyLocation location, AnalysisScope scope, string? fhirAccessToken)
    {
        // Off the caller's thread and token: the analysis outlives the hook that started it, not the host.
        await Task.Yield();
        var stopping = _lifetime.ApplicationStopping;
        var slot = false;
        try
        {
            await _slots.WaitAsync(stopping).ConfigureAwait(false);
            slot = true;
            var findings = await _analyzer.AnalyzeAsync(location, fhirAccessToken, stopping).ConfigureAwait(false);
            if (!string.Equals(findings.StudyInstanceUid, location.StudyInstanceUid, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The analysed image is not of the requested study.");
            }

            try
            {
                await _cache.SetAsync(findings, scope, stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A cache that cannot be written (Redis down) must not turn a good analysis into a failure: this run's
                // callers get it, and the next hook analyses again.
                Log.CacheWriteFailed(_logger, ex.GetType().Name);
            }

            _failures.Remove(key);
            AnalysisTelemetry.AnalysisDuration.Record(findings.Timings.TotalMs);
            Log.AnalysisCompleted(_logger, findings.Model.Name, findings.Scores.Count, findings.Timings.TotalMs);
            return findings;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            var retryAfter = TimeSpan.FromSeconds(_options.CurrentValue.RetryFailedAfterSeconds);
            if (retryAfter > TimeSpan.Zero)
            {
                // The entry's own expiry only bounds memory; whether it still applies is read against the TimeProvider.
                _failures.Set(key, new Failure(_time.GetUtcNow(), ex), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = retryAfter });
            }

            // The type only: imaging messages can name study UIDs and addresses.
            Log.AnalysisFailed(_logger, ex.GetType().Name);
            throw;
        }
        finally
        {
            if (slot)
            {
                _slots.Release();
            }

            _running.TryRemove(key, out _);
        }
    }

    private sealed record Failure(DateTimeOffset At, Exception Error);
}
