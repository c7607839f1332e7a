using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>The JWKS documents already read, per source (a singleton; the typed client that fills it is transient).</summary>
public sealed class JwksCache
{
    internal ConcurrentDictionary<JwksSource, (DateTimeOffset FetchedAt, IReadOnlyList<JsonWebKey> Keys)> Entries { get; } = new();
}
