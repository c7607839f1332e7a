namespace ChestXCds.CdsHooks.Authentication;

/// <summary>A JWKS location: a URL to fetch or a file to read.</summary>
/// <param name="Location">The URL or the file path.</param>
/// <param name="IsFile">True for a file.</param>
public sealed record JwksSource(string Location, bool IsFile)
{
    /// <summary>The issuer whose keys these are: fetches are limited per issuer. Empty: limited per location.</summary>
    public string Issuer { get; init; } = string.Empty;

    /// <summary>True for a <c>jku</c> named by a token's header (inside its issuer's allowed prefixes); false for a pinned JWKS.</summary>
    public bool FromTokenHeader { get; init; }

    public static JwksSource Url(string url) => new(url, false);

    public static JwksSource File(string path) => new(path, true);

    /// <summary>A token header's <c>jku</c>, already found inside <paramref name="issuer"/>'s allowed prefixes.</summary>
    public static JwksSource Jku(string jku, string issuer) => new(jku, false) { Issuer = issuer, FromTokenHeader = true };

    /// <summary>
    /// The cache key: the URL in its canonical form (scheme and host lower case, default port dropped, the
    /// query kept: it may select another document), or the file path.
    /// </summary>
    internal string CacheKey =>
        IsFile ? "file:" + Location
        : Uri.TryCreate(Location, UriKind.Absolute, out var uri) ? "url:" + uri.AbsoluteUri
        : "url:" + Location;

    /// <summary>
    /// What shares one fetch budget: an issuer's pinned JWKS, or all the <c>jku</c> URLs its tokens name (any caller can
    /// name any of them before a signature is checked); a source without an issuer, its location alone.
    /// </summary>
    internal string FetchBudgetKey =>
        Issuer.Length == 0 ? CacheKey : Issuer + (FromTokenHeader ? "\njku" : "\npinned");
}
