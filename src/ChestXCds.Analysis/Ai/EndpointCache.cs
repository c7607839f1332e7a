using Hl7.Fhir.Model;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// Endpoints read from a FHIR server, remembered for <see cref="AiAnalysisOptions.EndpointCacheSeconds"/> per
/// server and Endpoint id. An Endpoint is configuration (a PACS address), the same for every patient and user,
/// so a repeated hook need not read it again; only successful reads are remembered. Callers must not change a
/// remembered Endpoint.
/// </summary>
public sealed class EndpointCache(IOptionsMonitor<AiAnalysisOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public Endpoint? Get(Uri fhirServer, string endpointId) =>
        _cache.TryGetValue(Key(fhirServer, endpointId), out Endpoint? endpoint) ? endpoint : null;

    public void Set(Uri fhirServer, string endpointId, Endpoint endpoint)
    {
        var seconds = options.CurrentValue.EndpointCacheSeconds;
        if (seconds > 0)
        {
            _cache.Set(Key(fhirServer, endpointId), endpoint, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds) });
        }
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(Uri fhirServer, string endpointId) => fhirServer.AbsoluteUri + "\n" + endpointId;
}
