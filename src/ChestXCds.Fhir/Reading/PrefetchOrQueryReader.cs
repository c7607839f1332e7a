using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Fhir.Reading;

/// <summary>
/// Prefetch-or-query for one key (CDS Hooks 2.0 §Prefetch): a resource or Bundle is used as sent;
/// <c>null</c> means the client has no data and is not queried; an OperationOutcome (the client's
/// fetch failed), an unparseable value, or an absent key is read from <c>fhirServer</c> with the
/// hook's token. What neither gives is <see cref="FhirReadOutcome.Unavailable"/>.
/// </summary>
public sealed class PrefetchOrQueryReader(IFhirQueryClient client, ILogger<PrefetchOrQueryReader> logger)
{
    /// <param name="key">The prefetch key, for logs.</param>
    /// <param name="entry">The key as the client sent it.</param>
    /// <param name="access">fhirServer and token; null when the client gave none.</param>
    /// <param name="query">The key's template with its tokens filled; null when a token had no value.</param>
    public async Task<FhirReadResult> ReadAsync(string key, PrefetchEntry entry, FhirServerAccess? access, string? query, CancellationToken cancellationToken)
    {
        if (entry.Present)
        {
            if (entry.Value.ValueKind == JsonValueKind.Null)
            {
                Log.PrefetchUsed(logger, key, "null");
                return new FhirReadResult(FhirReadOutcome.NoData, null);
            }

            var parsed = FhirJson.TryParse(entry.Value);
            if (parsed is not null and not OperationOutcome)
            {
                Log.PrefetchUsed(logger, key, parsed.TypeName);
                return new FhirReadResult(FhirReadOutcome.Prefetched, parsed);
            }

            Log.PrefetchFailed(logger, key, parsed is OperationOutcome ? "OperationOutcome" : "not a FHIR resource");
        }

        if (access is null)
        {
            return FhirReadResult.Unavailable($"{key}: not prefetched and no fhirServer to query");
        }

        if (query is null)
        {
            return FhirReadResult.Unavailable($"{key}: the prefetch template's tokens have no value in this context");
        }

        try
        {
            var resource = await client.GetAsync(access, query, cancellationToken).ConfigureAwait(false);
            return new FhirReadResult(FhirReadOutcome.Queried, resource);
        }
        catch (FhirReadException ex)
        {
            Log.QueryFailed(logger, key, ex.Message);
            return FhirReadResult.Unavailable($"{key}: {ex.Message}");
        }
    }
}
