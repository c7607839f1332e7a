using System.Collections.Concurrent;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Remembers every accepted (<c>iss</c>, <c>jti</c>) until the token expires (plus clock skew), so a
/// captured token cannot be replayed (CDS Hooks 2.0 §Trusting CDS Clients). In-process: a scaled-out
/// deployment sets <c>CdsClients:ReplayCacheRedisConfiguration</c> (<see cref="RedisJtiReplayCache"/>). Expired entries are
/// swept at most every <see cref="SweepInterval"/>, by one caller at a time, so the sweep's cost per
/// second stays the size of the dictionary over the interval whatever the hook rate.
/// </summary>
public sealed class JtiReplayCache(TimeProvider time) : IJtiReplayCache
{
    /// <summary>How often expired entries are removed at most.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long nextSweepTicks;
    private int sweeping;

    /// <summary>Entries held now (expired ones included until the next sweep).</summary>
    public int Count => seen.Count;

    public ValueTask<bool> TryRegisterAsync(string issuer, string jti, DateTimeOffset forgetAfter, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryRegister(issuer, jti, forgetAfter));

    /// <summary>False when this (issuer, jti) was already seen and has not yet been forgotten.</summary>
    public bool TryRegister(string issuer, string jti, DateTimeOffset forgetAfter)
    {
        var now = time.GetUtcNow();
        SweepWhenDue(now);

        var key2 = issuer + "\n" + jti;
        while (true)
        {
            if (seen.TryAdd(key2, forgetAfter))
            {
                return true;
            }

            if (!seen.TryGetValue(key2, out var existing))
            {
                continue;
            }

            if (existing >= now)
            {
                return false;
            }

            if (seen.TryUpdate(key2, forgetAfter, existing))
            {
                return true;
            }
        }
    }

    private void SweepWhenDue(DateTimeOffset now)
    {
        if (now.UtcTicks < Interlocked.Read(ref nextSweepTicks) || Interlocked.Exchange(ref sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref nextSweepTicks, (now + SweepInterval).UtcTicks);
            foreach (var (key, expiry) in seen)
            {
                if (expiry < now)
                {
                    seen.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref sweeping, 0);
        }
    }
}
