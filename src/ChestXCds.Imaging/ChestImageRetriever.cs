using System.Diagnostics;
using ChestXCds.Domain;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Imaging;

/// <summary>
/// QIDO-RS for the study's instances → frontal choice → WADO-RS of that one instance, streamed to a
/// temporary file (never more than one instance held, and only on disk) → decode → delete.
/// </summary>
public sealed class ChestImageRetriever(
    DicomWebClient client,
    IDicomImageReader reader,
    IOptions<DicomWebOptions> options,
    ILogger<ChestImageRetriever> logger) : IChestImageRetriever
{
    public async Task<RetrievedChestImage> RetrieveAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(location);
        var settings = options.Value;
        var baseAddress = DicomWebAddress.ResolveBase(location, settings.DefaultBaseAddress);
        var token = settings.ForwardFhirAccessToken ? fhirAccessToken : null;

        DicomInstanceSummary chosen;
        try
        {
            var instances = await client.SearchInstancesAsync(baseAddress, location.StudyInstanceUid, token, ct);
            Log.QidoSearched(logger, instances.Count, instances.Select(i => i.SeriesInstanceUid).Distinct(StringComparer.Ordinal).Count());
            chosen = FrontalImageSelector.Choose(instances);
            Log.ImageChosen(logger, chosen.Modality ?? "?", chosen.ViewPosition ?? "unstated", instances.Count);
        }
        catch (PacsUnavailableException ex)
        {
            Log.PacsUnavailable(logger, ex.Message);
            throw;
        }
        catch (NoSuitableImageException ex)
        {
            Log.NoSuitableImage(logger, ex.Message);
            throw;
        }

        var path = TemporaryInstanceFiles.NewPath(settings.TemporaryDirectory);
        try
        {
            var watch = Stopwatch.StartNew();
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var bytes = await client.RetrieveInstanceAsync(baseAddress, location.StudyInstanceUid, chosen.SeriesInstanceUid, chosen.SopInstanceUid, token, file, ct);
                Log.InstanceRetrieved(logger, bytes, watch.ElapsedMilliseconds);
            }

            watch.Restart();
            var image = reader.Read(path);
            // The header, not the URL, says what was analysed: a PACS that answers another study's instance is refused.
            if (!string.Equals(image.Attributes.StudyInstanceUid, location.StudyInstanceUid, StringComparison.Ordinal)
                || !string.Equals(image.Attributes.SopInstanceUid, chosen.SopInstanceUid, StringComparison.Ordinal))
            {
                Log.InstanceMismatch(logger);
                throw new InstanceMismatchException("The retrieved instance's Study or SOP Instance UID is not the one requested; it is not analysed.");
            }

            Log.InstanceDecoded(logger, image.Image.Width, image.Image.Height, image.Attributes.TransferSyntaxName, watch.ElapsedMilliseconds);
            return new RetrievedChestImage(location.StudyInstanceUid, chosen.SeriesInstanceUid, chosen.SopInstanceUid, image.Attributes, image.Image);
        }
        catch (CorruptInstanceException ex)
        {
            Log.CorruptInstance(logger, ex.Message);
            throw new CorruptInstanceException($"Instance {chosen.SopInstanceUid} of the study could not be decoded: {StripTemporaryName(ex.Message, path)}", ex);
        }
        catch (PacsUnavailableException ex)
        {
            Log.PacsUnavailable(logger, ex.Message);
            throw;
        }
        finally
        {
            TryDelete(path);
        }
    }

    private static string StripTemporaryName(string message, string path)
    {
        var name = Path.GetFileName(path) + ": ";
        return message.StartsWith(name, StringComparison.Ordinal) ? message[name.Length..] : message;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            Log.TemporaryFileNotDeleted(logger, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.TemporaryFileNotDeleted(logger, ex.Message);
        }
    }
}
