using ChestXCds.Analysis.Analyzing;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChestXCds.Domain;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Caching;

/// <summary>
/// Image analyses in IDistributedCache (in-memory by default, Redis when configured), keyed by model
/// name, model version, the analysis scope (calling client and image source) and Study Instance UID, so a new
/// model version never serves an old result and no client reads what another client's source produced. A
/// small in-process copy of what was read or written in the last minute saves a repeated hook the
/// distributed cache's round trip and the deserialisation (an entry never changes under its key).
/// </summary>
public sealed class ImageFindingsCache(IDistributedCache cache, IOptionsMonitor<AiAnalysisOptions> options) : IDisposable
{
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _local = new(new MemoryCacheOptions { SizeLimit = 4096 });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Key(ModelDescriptor model, AnalysisScope scope, string studyInstanceUid)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scope);
        return $"chestx:analysis:v2:{model.Name}:{model.Version}:{scope.Key}:{studyInstanceUid}";
    }

    public async Task<ImageFindings?> GetAsync(ModelDescriptor model, AnalysisScope scope, string studyInstanceUid, CancellationToken cancellationToken)
    {
        var key = Key(model, scope, studyInstanceUid);
        if (_local.TryGetValue(key, out ImageFindings? local))
        {
            return local;
        }

        var bytes = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var findings = JsonSerializer.Deserialize<ImageFindings>(bytes, Json);
            if (findings is null || !string.Equals(findings.StudyInstanceUid, studyInstanceUid, StringComparison.Ordinal))
            {
                // An entry that is not what its key says (written by something else) is a miss.
                return null;
            }

            Remember(key, findings);
            return findings;
        }
        catch (JsonException)
        {
            // An entry written by an incompatible build is treated as a miss and overwritten.
            return null;
        }
    }

    public Task SetAsync(ImageFindings findings, AnalysisScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var key = Key(findings.Model, scope, findings.StudyInstanceUid);
        Remember(key, findings);
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(options.CurrentValue.CacheMinutes) };
        return cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(findings, Json), entry, cancellationToken);
    }

    public void Dispose() => _local.Dispose();

    private void Remember(string key, ImageFindings findings)
    {
        var lifetime = TimeSpan.FromMinutes(Math.Min(LocalLifetime.TotalMinutes, options.CurrentValue.CacheMinutes));
        _local.Set(key, findings, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
    }
}
