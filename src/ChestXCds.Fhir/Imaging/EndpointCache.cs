using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ChestXCds.Fhir.Reading;

namespace ChestXCds.Fhir.Imaging;

/// <summary>
/// WADO-RS addresses of Endpoints read from a FHIR server, remembered for <see cref="FhirReadingOptions.EndpointCacheSeconds"/>
/// per server and Endpoint id. An Endpoint is configuration (a PACS address), the same for every patient and user,
/// so a repeated hook need not read it again; only successful reads are remembered.
/// </summary>
public sealed class EndpointCache(IOptionsMonitor<FhirReadingOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>True when the Endpoint is remembered; <paramref name="address"/> is null when it is not a usable WADO-RS Endpoint.</summary>
    public bool TryGet(Uri fhirServer, string endpointId, out string? address) =>
        _cache.TryGetValue(Key(fhirServer, endpointId), out address);

    public void Set(Uri fhirServer, string endpointId, string? address)
    {
        var seconds = options.CurrentValue.EndpointCacheSeconds;
        if (seconds > 0)
        {
            _cache.Set(Key(fhirServer, endpointId), address, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds) });
        }
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(Uri fhirServer, string endpointId) => fhirServer.AbsoluteUri + "\n" + endpointId;
}
