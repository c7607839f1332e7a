using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>Where the signing keys of a CDS client come from: its JWKS URL, a JWKS file, or an allow-listed <c>jku</c>.</summary>
public interface IJwksProvider
{
    /// <summary>The keys at <paramref name="source"/> (an http(s) URL or a file path); empty when they cannot be had.</summary>
    /// <param name="refresh">
    /// Read again although the cache is fresh (used once when a <c>kid</c> is unknown: the client may have rotated its keys);
    /// the provider may answer from the cache instead when the issuer fetched too recently.
    /// </param>
    Task<IReadOnlyList<JsonWebKey>> GetKeysAsync(JwksSource source, bool refresh, CancellationToken cancellationToken);
}
