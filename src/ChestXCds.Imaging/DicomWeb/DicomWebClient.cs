using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChestXCds.Imaging.Errors;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChestXCds.Imaging.DicomWeb;

/// <summary>
/// QIDO-RS and WADO-RS (PS3.18 10.6 and 10.4) over a typed HttpClient whose resilience pipeline
/// (timeouts, retries honouring Retry-After, circuit breaker) is set up by
/// <see cref="ImagingServiceCollectionExtensions.AddChestXImaging"/>.
/// </summary>
public sealed class DicomWebClient(HttpClient http, IOptions<DicomWebOptions> options)
{
    // PS3.18 8.7.3.5.2: ask for the instance in whatever transfer syntax it is stored in.
    private const string WadoAccept = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    // Tags QIDO-RS should return besides the defaults: Modality, View Position, Body Part Examined,
    // Series Instance UID, SOP Class UID, Instance Number.
    private const string QidoFields = "includefield=00080060&includefield=00185101&includefield=00180015&includefield=0020000E&includefield=00080016&includefield=00200013";

    // Tags a series search should return besides the defaults: Modality, Body Part Examined, Series Description
    // and Study Description (a study attribute, asked for by includefield, PS3.18 8.3.4.3).
    private const string SeriesFields = "includefield=00080060&includefield=00180015&includefield=0008103E&includefield=00081030";

    // Series asked for at most (PS3.18 8.3.4.4 limit); a radiograph study has a handful.
    private const int MaxSeries = 100;

    /// <summary>The study's instances with the attributes the frontal choice needs (QIDO-RS, answer capped like every QIDO answer).</summary>
    /// <exception cref="StudyNotFoundException">404, 204 or an empty result.</exception>
    /// <exception cref="PacsUnavailableException">Connection refused, timeouts, 401/403, 5xx after retries, an answer over the size limit or not JSON.</exception>
    public async Task<IReadOnlyList<DicomInstanceSummary>> SearchInstancesAsync(Uri baseAddress, string studyInstanceUid, string? bearerToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var uri = new Uri($"{baseAddress.AbsoluteUri.TrimEnd('/')}/studies/{studyInstanceUid}/instances?{QidoFields}");
        var instances = await QidoAsync(uri, studyInstanceUid, bearerToken, QidoJson.ParseInstances, ct);
        return instances.Count == 0 ? throw new StudyNotFoundException(studyInstanceUid) : instances;
    }

    /// <summary>
    /// The series of a study with the attributes that name its body part: one QIDO-RS request
    /// (GET {base}/studies/{uid}/series), its answer read up to <see cref="DicomWebOptions.MaxQidoResponseBytes"/>.
    /// </summary>
    /// <exception cref="InvalidDicomWebAddressException">The Study Instance UID is not a valid DICOM UID.</exception>
    /// <exception cref="StudyNotFoundException">404, 204 or an empty result.</exception>
    /// <exception cref="PacsUnavailableException">Connection refused, timeouts, 401/403, 5xx after retries, an answer over the size limit or not JSON.</exception>
    public async Task<IReadOnlyList<DicomSeriesSummary>> SearchSeriesAsync(Uri baseAddress, string studyInstanceUid, string? bearerToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!DicomUid.IsValid(studyInstanceUid))
        {
            throw new InvalidDicomWebAddressException("The Study Instance UID is not a valid DICOM UID (digits and dots, at most 64 characters).");
        }

        var uri = new Uri($"{baseAddress.AbsoluteUri.TrimEnd('/')}/studies/{studyInstanceUid}/series?{SeriesFields}&limit={MaxSeries}");
        var series = await QidoAsync(uri, studyInstanceUid, bearerToken, QidoJson.ParseSeries, ct);
        return series.Count == 0 ? throw new StudyNotFoundException(studyInstanceUid) : series;
    }

    /// <summary>One QIDO-RS GET: 404/204 is "not found", the answer is read up to <see cref="DicomWebOptions.MaxQidoResponseBytes"/> and parsed.</summary>
    private async Task<T> QidoAsync<T>(Uri uri, string studyInstanceUid, string? bearerToken, Func<JsonElement, T> parse, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("application/dicom+json");
        request.Headers.Accept.ParseAdd("application/json");
        Authorize(request, bearerToken);

        using var response = await SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
        {
            throw new StudyNotFoundException(studyInstanceUid);
        }

        EnsureSuccess(response, "QIDO-RS");
        var limit = options.Value.MaxQidoResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new PacsUnavailableException($"The PACS answered QIDO-RS with more than {limit} bytes.");
        }

        using var body = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TotalTimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, body.Token);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var buffer = new MemoryStream();
            await CopyLimitedAsync(stream, buffer, limit, () => new PacsUnavailableException($"The PACS answered QIDO-RS with more than {limit} bytes."), linked.Token);
            buffer.Position = 0;
            using var json = await JsonDocument.ParseAsync(buffer, cancellationToken: linked.Token);
            return parse(json.RootElement);
        }
        catch (JsonException ex)
        {
            throw new PacsUnavailableException("The PACS answered QIDO-RS with malformed JSON.", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new PacsUnavailableException($"The PACS did not finish the QIDO-RS answer within {options.Value.TotalTimeoutSeconds} s.", ex);
        }
        catch (IOException ex)
        {
            throw new PacsUnavailableException("The connection to the PACS broke during the QIDO-RS answer.", ex);
        }
    }

    /// <summary>Streams one instance (WADO-RS, any transfer syntax) into <paramref name="destination"/>.</summary>
    /// <returns>The instance's size in bytes.</returns>
    public async Task<long> RetrieveInstanceAsync(
        Uri baseAddress, string studyInstanceUid, string seriesInstanceUid, string sopInstanceUid, string? bearerToken, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(destination);
        foreach (var uid in new[] { seriesInstanceUid, sopInstanceUid })
        {
            if (!DicomUid.IsValid(uid))
            {
                throw new PacsUnavailableException("The PACS returned an invalid UID in its QIDO-RS answer.");
            }
        }

        var uri = new Uri($"{baseAddress.AbsoluteUri.TrimEnd('/')}/studies/{studyInstanceUid}/series/{seriesInstanceUid}/instances/{sopInstanceUid}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", WadoAccept);
        Authorize(request, bearerToken);

        using var response = await SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new StudyNotFoundException(studyInstanceUid);
        }

        EnsureSuccess(response, "WADO-RS");
        var limit = options.Value.MaxInstanceBytes;
        if (response.Content.Headers.ContentLength > limit + (64 * 1024))
        {
            throw new InstanceTooLargeException(limit);
        }

        using var body = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TotalTimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, body.Token);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            var mediaType = response.Content.Headers.ContentType;
            if (string.Equals(mediaType?.MediaType, "application/dicom", StringComparison.OrdinalIgnoreCase))
            {
                return await CopyLimitedAsync(stream, destination, limit, () => new InstanceTooLargeException(limit), linked.Token);
            }

            var boundary = mediaType?.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
            if (!string.Equals(mediaType?.MediaType, "multipart/related", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(boundary))
            {
                throw new CorruptInstanceException($"WADO-RS answered {mediaType?.MediaType ?? "without a content type"}, not multipart/related with a boundary.");
            }

            return await MultipartRelatedReader.CopyFirstPartAsync(stream, boundary, destination, limit, linked.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new PacsUnavailableException($"The PACS did not finish sending the instance within {options.Value.TotalTimeoutSeconds} s.", ex);
        }
        catch (IOException ex)
        {
            throw new PacsUnavailableException("The connection to the PACS broke while the instance was being sent.", ex);
        }
    }

    private static async Task<long> CopyLimitedAsync(Stream source, Stream destination, long limit, Func<Exception> tooLarge, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw tooLarge();
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return total;
    }

    private void Authorize(HttpRequestMessage request, string? bearerToken)
    {
        if (options.Value.ForwardFhirAccessToken && !string.IsNullOrEmpty(bearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new PacsUnavailableException($"The PACS did not answer within the timeout ({options.Value.AttemptTimeoutSeconds} s per attempt, {options.Value.TotalTimeoutSeconds} s in all).", ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new PacsUnavailableException($"The PACS did not answer within the timeout ({options.Value.AttemptTimeoutSeconds} s per attempt, {options.Value.TotalTimeoutSeconds} s in all).", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new PacsUnavailableException("The PACS failed repeatedly; requests are paused by the circuit breaker.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PacsUnavailableException($"The PACS could not be reached ({ex.HttpRequestError}).", ex);
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, string operation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = (int)response.StatusCode;
        throw response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new PacsUnavailableException($"The PACS refused {operation} ({code}); check whether it expects the FHIR token (Imaging:DicomWeb:ForwardFhirAccessToken).")
            : new PacsUnavailableException($"The PACS answered {operation} with HTTP {code}.");
    }
}
