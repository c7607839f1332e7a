using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Caching;

/// <summary>
/// What a study's DICOM header said about its body part (chest or not), remembered in process per DICOMweb base
/// address and Study Instance UID for <see cref="AnalysisOptions.DicomBodyPartCacheMinutes"/>, so that repeated
/// hooks for a patient do not ask the PACS again. A header does not change once the study is complete; only answers
/// are remembered, never a failure or a timeout. At most <see cref="MaxEntries"/> studies.
/// </summary>
public sealed class StudyBodyPartCache(IOptionsMonitor<AnalysisOptions> options) : IDisposable
{
    /// <summary>Studies remembered at most; one entry is a key of about 200 bytes and a bool.</summary>
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>True when the answer for this study at this address is remembered; <paramref name="chest"/> is that answer.</summary>
    public bool TryGet(string client, Uri dicomWebBase, string studyInstanceUid, out bool chest) =>
        _cache.TryGetValue(Key(client, dicomWebBase, studyInstanceUid), out chest);

    public void Set(string client, Uri dicomWebBase, string studyInstanceUid, bool chest)
    {
        var minutes = options.CurrentValue.DicomBodyPartCacheMinutes;
        if (minutes > 0)
        {
            _cache.Set(Key(client, dicomWebBase, studyInstanceUid), chest, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(minutes) });
        }
    }

    public void Dispose() => _cache.Dispose();

    // Per client as every shared result is (SECURITY.md, tenant isolation).
    private static string Key(string client, Uri dicomWebBase, string studyInstanceUid) => client + "\n" + dicomWebBase.AbsoluteUri + "\n" + studyInstanceUid;
}
