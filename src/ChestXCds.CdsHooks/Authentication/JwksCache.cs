using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// The JWKS documents already read, the fetches under way and when each issuer last fetched (a singleton; the
/// typed client that fills it is transient). Bounded: past <see cref="MaxEntries"/> documents the least recently
/// used one is dropped, so URLs that differ only in their query cannot grow it, and a pinned JWKS in use stays.
/// </summary>
public sealed class JwksCache
{
    /// <summary>Documents kept at most by default: a few per allowed issuer.</summary>
    public const int DefaultMaxEntries = 256;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<IReadOnlyList<JsonWebKey>>> inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> lastFetch = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long useClock;

    public JwksCache()
        : this(DefaultMaxEntries)
    {
    }

    internal JwksCache(int maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        MaxEntries = maxEntries;
    }

    public int MaxEntries { get; }

    /// <summary>Documents held now.</summary>
    public int Count => entries.Count;

    internal bool TryGet(string key, out DateTimeOffset fetchedAt, out IReadOnlyList<JsonWebKey> keys)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref useClock));
            fetchedAt = entry.FetchedAt;
            keys = entry.Keys;
            return true;
        }

        fetchedAt = default;
        keys = [];
        return false;
    }

    internal void Store(string key, DateTimeOffset fetchedAt, IReadOnlyList<JsonWebKey> keys)
    {
        var entry = new Entry(fetchedAt, keys) { LastUsed = Interlocked.Increment(ref useClock) };
        lock (gate)
        {
            while (!entries.ContainsKey(key) && entries.Count >= MaxEntries)
            {
                var leastRecentlyUsed = entries.MinBy(e => Volatile.Read(ref e.Value.LastUsed)).Key;
                entries.TryRemove(leastRecentlyUsed, out _);
            }

            entries[key] = entry;
        }
    }

    /// <summary>
    /// The fetch of <paramref name="key"/> already under way, else a new one started with <paramref name="fetch"/> when
    /// <paramref name="budgetKey"/> has not fetched within <paramref name="minInterval"/>, else null (the caller uses
    /// what it has). Every caller awaits the same task, so concurrent unknown kids cost one request.
    /// </summary>
    internal Task<IReadOnlyList<JsonWebKey>>? JoinOrStart(
        string key, string budgetKey, DateTimeOffset now, TimeSpan minInterval, Func<Task<IReadOnlyList<JsonWebKey>>> fetch)
    {
        TaskCompletionSource<IReadOnlyList<JsonWebKey>> started;
        lock (gate)
        {
            if (inFlight.TryGetValue(key, out var running))
            {
                return running;
            }

            if (lastFetch.TryGetValue(budgetKey, out var last) && now - last < minInterval)
            {
                return null;
            }

            ForgetOldBudgets(now, minInterval);
            lastFetch[budgetKey] = now;
            started = new TaskCompletionSource<IReadOnlyList<JsonWebKey>>(TaskCreationOptions.RunContinuationsAsynchronously);
            inFlight[key] = started.Task;
        }

        _ = RunAsync(key, started, fetch);
        return started.Task;
    }

    private async Task RunAsync(string key, TaskCompletionSource<IReadOnlyList<JsonWebKey>> started, Func<Task<IReadOnlyList<JsonWebKey>>> fetch)
    {
        try
        {
            started.SetResult(await fetch().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            started.SetException(ex);
        }
        finally
        {
            lock (gate)
            {
                inFlight.Remove(key);
            }
        }
    }

    /// <summary>Budgets are per issuer (a short list); sources without an issuer are dropped once their interval is over.</summary>
    private void ForgetOldBudgets(DateTimeOffset now, TimeSpan minInterval)
    {
        if (lastFetch.Count < 4 * MaxEntries)
        {
            return;
        }

        foreach (var (budget, at) in lastFetch.ToList())
        {
            if (now - at >= minInterval)
            {
                lastFetch.Remove(budget);
            }
        }
    }

    private sealed class Entry(DateTimeOffset fetchedAt, IReadOnlyList<JsonWebKey> keys)
    {
        public long LastUsed;

        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public IReadOnlyList<JsonWebKey> Keys { get; } = keys;
    }
}
