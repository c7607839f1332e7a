using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Fetches and caches JWKS documents. A typed HttpClient (resilience from the registration); only
/// URLs that <see cref="CdsClientTokenValidator"/> has already checked against the issuer's
/// configuration reach it.
/// </summary>
public sealed class JwksProvider(
    HttpClient http,
    JwksCache cache,
    IOptionsMonitor<CdsClientsOptions> options,
    TimeProvider time,
    ILogger<JwksProvider> logger) : IJwksProvider
{
    public async Task<IReadOnlyList<JsonWebKey>> GetKeysAsync(JwksSource source, bool refresh, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        if (!refresh && cache.Entries.TryGetValue(source, out var cached) && now - cached.FetchedAt < TimeSpan.FromSeconds(settings.JwksCacheSeconds))
        {
            return cached.Keys;
        }

        try
        {
            var json = source.IsFile
                ? await File.ReadAllTextAsync(source.Location, cancellationToken).ConfigureAwait(false)
                : await FetchAsync(source.Location, settings.MaxJwksBytes, cancellationToken).ConfigureAwait(false);
            var set = new JsonWebKeySet(json);
            IReadOnlyList<JsonWebKey> keys = set.Keys.Where(k => k.Use is null or "sig").ToList();
            cache.Entries[source] = (now, keys);
            return keys;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ArgumentException or InvalidOperationException
                                       or TaskCanceledException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Log.JwksUnavailable(logger, source.IsFile ? "file" : "url", ex.GetType().Name);
            return cache.Entries.TryGetValue(source, out var stale) ? stale.Keys : [];
        }
    }

    private async Task<string> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidOperationException("JWKS larger than CdsClients:MaxJwksBytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new InvalidOperationException("JWKS larger than CdsClients:MaxJwksBytes");
                }
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}
