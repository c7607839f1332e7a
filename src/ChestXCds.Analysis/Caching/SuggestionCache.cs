using ChestXCds.Analysis.Analyzing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Caching;

/// <summary>
/// Prepared suggestions (reasoning and serialised FHIR resources) remembered in process under the digest of their
/// inputs (<see cref="SuggestionInputs.Digest"/>). The mapping derives ids from that digest, so a remembered entry
/// is exactly what building it again would give, and a repeated hook (a chart reopened, an order re-signed) skips
/// the Reason and Map stages. Anything that changes the outcome changes the digest.
/// </summary>
public sealed class SuggestionCache : IDisposable
{
    private readonly IOptionsMonitor<AiAnalysisOptions> _options;
    private readonly MemoryCache? _cache;

    public SuggestionCache(IOptionsMonitor<AiAnalysisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var entries = options.CurrentValue.SuggestionCacheEntries;
        _cache = entries > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = entries }) : null;
    }

    public PreparedSuggestion GetOrBuild(string digest, Func<PreparedSuggestion> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_cache is null)
        {
            return build();
        }

        var hit = _cache.TryGetValue(digest, out PreparedSuggestion? prepared) && prepared is not null;
        if (!hit)
        {
            prepared = build();
            var options = _options.CurrentValue;
            _cache.Set(digest, prepared, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(Math.Min(options.CacheMinutes, options.SuggestionCacheMinutes)),
            });
        }

        AnalysisTelemetry.SuggestionCacheLookups.Add(1, new KeyValuePair<string, object?>("hit", hit));
        return prepared!;
    }

    public void Dispose() => _cache?.Dispose();
}
