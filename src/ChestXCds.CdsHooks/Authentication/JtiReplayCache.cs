using System.Collections.Concurrent;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Remembers every accepted (<c>iss</c>, <c>jti</c>) until the token expires (plus clock skew), so a
/// captured token cannot be replayed (CDS Hooks 2.0 §Trusting CDS Clients). In-process: a scaled-out
/// deployment needs sticky sessions or a shared store behind this same interface.
/// </summary>
public sealed class JtiReplayCache(TimeProvider time) : IJtiReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long registrations;

    public bool TryRegister(string issuer, string jti, DateTimeOffset forgetAfter)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref registrations) % 256 == 0)
        {
            foreach (var (key, expiry) in seen)
            {
                if (expiry < now)
                {
                    seen.TryRemove(key, out _);
                }
            }
        }

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
}
