using ChestXCds.CdsHooks.Access;
using ChestXCds.Analysis.Caching;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Reading;
using ChestXCds.Imaging.DicomWeb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Studies;

/// <summary>
/// Part of the Select stage: asks the PACS about the CR/DX radiographs whose FHIR metadata names no body part
/// (<see cref="StudySelector.Undetermined"/>), since such a study is common in real feeds and may well be a chest
/// radiograph. For the newest <see cref="AnalysisOptions.DicomBodyPartChecks"/> of them, side by side: Locate
/// (<see cref="StudyEndpointResolver"/>, the Endpoint or the configured default base), one QIDO-RS series search
/// (<see cref="DicomWebClient.SearchSeriesAsync"/>, the FHIR token forwarded only where configured), and
/// <see cref="DicomHeaderBodyPart"/>. Answers are remembered in <see cref="StudyBodyPartCache"/>. Every wait ends at
/// the hook's deadline or after <see cref="AnalysisOptions.DicomBodyPartWaitMilliseconds"/>; a study without an
/// answer by then, or whose check failed in any way, is not counted, and the hook goes on.
/// </summary>
public sealed class StudyBodyPartResolver(
    StudyEndpointResolver locator,
    DicomWebClient dicomWeb,
    StudyBodyPartCache cache,
    ClientAccessPolicy access,
    IOptions<DicomWebOptions> dicomWebOptions,
    IOptionsMonitor<AnalysisOptions> options,
    TimeProvider time,
    ILogger<StudyBodyPartResolver> logger)
{
    /// <returns>The Study Instance UIDs among <paramref name="undetermined"/> whose DICOM header says chest.</returns>
    public async Task<IReadOnlySet<string>> ChestStudiesAsync(IReadOnlyList<StudyRecord> undetermined, FhirServerAccess? server, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(undetermined);
        var settings = options.CurrentValue;
        var studies = undetermined.Where(s => s.StudyInstanceUid is not null).Take(settings.DicomBodyPartChecks).ToList();
        if (studies.Count == 0)
        {
            return new HashSet<string>();
        }

        using var timer = new CancellationTokenSource(TimeSpan.FromMilliseconds(settings.DicomBodyPartWaitMilliseconds), time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var answers = await Task.WhenAll(studies.Select(s => CheckAsync(s, server, client, wait.Token))).ConfigureAwait(false);

        Log.BodyPartsChecked(logger, answers.Length, answers.Count(a => a.Chest == true), answers.Count(a => a.Chest is null), answers.Count(a => a.Cached));
        return studies.Zip(answers).Where(p => p.Second.Chest == true).Select(p => p.First.StudyInstanceUid!).ToHashSet(StringComparer.Ordinal);
    }

    /// <returns>Chest or not; null when there is no answer.</returns>
    private async Task<(bool? Chest, bool Cached)> CheckAsync(StudyRecord study, FhirServerAccess? server, string client, CancellationToken cancellationToken)
    {
        try
        {
            var location = await locator.ResolveAsync(study, server, cancellationToken).ConfigureAwait(false);
            if (location is null || (location.WadoRsAddress is { } address && !access.AllowsImagingEndpoint(client, address)))
            {
                // No UID, or an Endpoint this client may not make the service contact: never queried.
                return (null, false);
            }

            var baseAddress = DicomWebAddress.ResolveBase(location, dicomWebOptions.Value.DefaultBaseAddress);
            if (cache.TryGet(client, baseAddress, location.StudyInstanceUid, out var remembered))
            {
                AnalysisTelemetry.BodyPartChecks.Add(1, new KeyValuePair<string, object?>("outcome", "remembered"));
                return (remembered, true);
            }

            var series = await dicomWeb.SearchSeriesAsync(baseAddress, location.StudyInstanceUid, server?.BearerToken, cancellationToken).ConfigureAwait(false);
            var chest = DicomHeaderBodyPart.SaysChest(series);
            cache.Set(client, baseAddress, location.StudyInstanceUid, chest);
            AnalysisTelemetry.BodyPartChecks.Add(1, new KeyValuePair<string, object?>("outcome", chest ? "chest" : "not-chest"));
            return (chest, false);
        }
        catch (Exception ex)
        {
            // Whatever fails (the PACS, the address, the wait, a bug), the hook goes on without this study, as it
            // does without a failing card source. The message may name the study (StudyNotFoundException): its type only.
            Log.BodyPartCheckFailed(logger, ex.GetType().Name);
            AnalysisTelemetry.BodyPartChecks.Add(1, new KeyValuePair<string, object?>("outcome", "unanswered"));
            return (null, false);
        }
    }
}
