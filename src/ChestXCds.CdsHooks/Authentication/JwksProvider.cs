using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Fetches and caches JWKS documents. A typed HttpClient (resilience from the registration); only
/// URLs that <see cref="CdsClientTokenValidator"/> has already checked against the issuer's
/// configuration reach it. A document is reused for <c>JwksCacheSeconds</c>; a fetch (first read,
/// expiry or a refresh for an unknown kid) happens at most once per <c>JwksMinRefreshSeconds</c>
/// per issuer's pinned JWKS and once per issuer's header <c>jku</c> URLs, and concurrent callers
/// share it (<see cref="JwksCache"/>): a stream of tokens with made-up kids naming a trusted issuer
/// cannot turn into a stream of requests to that issuer.
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
        var key = source.CacheKey;
        var now = time.GetUtcNow();
        var cached = cache.TryGet(key, out var fetchedAt, out var keys);
        if (cached && !refresh && now - fetchedAt < TimeSpan.FromSeconds(settings.JwksCacheSeconds))
        {
            return keys;
        }

        var fetch = cache.JoinOrStart(key, source.FetchBudgetKey, now, TimeSpan.FromSeconds(settings.JwksMinRefreshSeconds), () => ReadAsync(source, key, settings));
        if (fetch is null)
        {
            Log.JwksFetchDeferred(logger, source.IsFile ? "file" : "url");
            return keys;
        }

        return await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One read, shared by every caller waiting on it, so it does not take any one caller's cancellation (the
    /// client's timeout and resilience bound it). A failure keeps what was cached before.
    /// </summary>
    private async Task<IReadOnlyList<JsonWebKey>> ReadAsync(JwksSource source, string key, CdsClientsOptions settings)
    {
        try
        {
            var json = source.IsFile
                ? await File.ReadAllTextAsync(source.Location, CancellationToken.None).ConfigureAwait(false)
                : await FetchAsync(source.Location, settings.MaxJwksBytes, CancellationToken.None).ConfigureAwait(false);
            var set = new JsonWebKeySet(json);
            IReadOnlyList<JsonWebKey> keys = set.Keys.Where(k => k.Use is null or "sig").ToList();
            cache.Store(key, time.GetUtcNow(), keys);
            return keys;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ArgumentException or InvalidOperationException
                                       or TaskCanceledException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Log.JwksUnavailable(logger, source.IsFile ? "file" : "url", ex.GetType().Name);
            return cache.TryGet(key, out _, out var stale) ? stale : [];
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
