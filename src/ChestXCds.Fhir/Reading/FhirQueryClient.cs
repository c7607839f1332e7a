using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir.Reading;

/// <summary>
/// Firely's FhirClient over an HttpClient from the factory (resilience and handler lifetime from the
/// registration). Each read takes its own HttpClient, so the token set on it belongs to that read alone and
/// reads with different tokens can run at the same time.
/// </summary>
public sealed class FhirQueryClient(IHttpClientFactory clients, IOptions<FhirReadingOptions> options, ILogger<FhirQueryClient> logger) : IFhirQueryClient
{
    /// <summary>The HttpClient configuration FHIR reads use (registered in <see cref="FhirServiceCollectionExtensions"/>).</summary>
    public const string HttpClientName = "ChestXCds.Fhir";

    public async Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(relativeQuery);
        using var http = clients.CreateClient(HttpClientName);
        var settings = new FhirClientSettings
        {
            PreferredFormat = ResourceFormat.Json,
            VerifyFhirVersion = false,
            Timeout = options.Value.RequestTimeoutSeconds * 1000,
            SerializationEngine = FhirSerializationEngineFactory.Recoverable(ModelInfo.ModelInspector, null, null),
        };
        using var client = new FhirClient(access.BaseUrl, http, settings);
        http.DefaultRequestHeaders.Authorization = access.BearerToken is null ? null : new AuthenticationHeaderValue("Bearer", access.BearerToken);
        var type = relativeQuery.Split('?', '/')[0];
        try
        {
            var first = await client.GetAsync(relativeQuery, cancellationToken).ConfigureAwait(false)
                ?? throw new FhirReadException($"{type}: empty response");
            if (first is OperationOutcome)
            {
                throw new FhirReadException($"{type}: the server answered an OperationOutcome");
            }

            if (first is not Bundle { Type: Bundle.BundleType.Searchset } bundle)
            {
                return first;
            }

            var pages = 1;
            var page = bundle;
            while (page.NextLink is { } next && pages < options.Value.MaxPages)
            {
                var absolute = next.IsAbsoluteUri ? next : new Uri(access.BaseUrl, next);
                if (!absolute.AbsoluteUri.StartsWith(access.BaseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
                {
                    // The token must not travel to another server (CDS Hooks 2.0 §Passing the Access Token).
                    Log.PagingStoppedOffServer(logger, type);
                    break;
                }

                page = await client.ContinueAsync(page, PageDirection.Next, cancellationToken).ConfigureAwait(false);
                if (page is null)
                {
                    break;
                }

                bundle.Entry.AddRange(page.Entry);
                pages++;
            }

            bundle.Link.RemoveAll(l => l.Relation == "next");
            Log.Queried(logger, type, pages, bundle.Entry.Count);
            return bundle;
        }
        catch (FhirOperationException ex)
        {
            throw new FhirReadException($"{type}: HTTP {(int)ex.Status}", ex);
        }
        catch (OperationCanceledException ex)
        {
            // The hook's deadline (or the caller) ended the read: the data is not to be had in time.
            throw new FhirReadException($"{type}: not read in time", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or FormatException
                                       or Hl7.Fhir.Serialization.DeserializationFailedException or InvalidOperationException)
        {
            throw new FhirReadException($"{type}: {ex.GetType().Name}", ex);
        }
    }
}
