using System.Text.Json;
using System.Text.Json.Serialization;
using ChestXCds.Domain;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// Image analyses in IDistributedCache (in-memory by default, Redis when configured), keyed by model
/// name, model version and Study Instance UID, so a new model version never serves an old result.
/// </summary>
public sealed class ImageFindingsCache(IDistributedCache cache, IOptionsMonitor<AiAnalysisOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Key(ModelDescriptor model, string studyInstanceUid) =>
        $"chestx:analysis:v1:{model.Name}:{model.Version}:{studyInstanceUid}";

    public async Task<ImageFindings?> GetAsync(ModelDescriptor model, string studyInstanceUid, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(Key(model, studyInstanceUid), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ImageFindings>(bytes, Json);
        }
        catch (JsonException)
        {
            // An entry written by an incompatible build is treated as a miss and overwritten.
            return null;
        }
    }

    public Task SetAsync(ImageFindings findings, CancellationToken cancellationToken)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(options.CurrentValue.CacheMinutes) };
        return cache.SetAsync(Key(findings.Model, findings.StudyInstanceUid), JsonSerializer.SerializeToUtf8Bytes(findings, Json), entry, cancellationToken);
    }
}
