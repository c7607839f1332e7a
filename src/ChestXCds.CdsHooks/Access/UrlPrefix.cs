namespace ChestXCds.CdsHooks.Access;

/// <summary>
/// URL prefixes as allow-lists use them: same scheme, host (any case) and port, and the prefix's path segments are
/// the candidate's first path segments, whole: <c>https://ehr.example.org/fhir</c> allows <c>…/fhir</c> and
/// <c>…/fhir/r4</c>, never <c>…/fhir-other</c>. A candidate with user info, a query or a fragment never matches.
/// </summary>
public static class UrlPrefix
{
    public static bool Matches(Uri prefix, Uri candidate)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!prefix.IsAbsoluteUri || !candidate.IsAbsoluteUri
            || candidate.UserInfo.Length > 0 || candidate.Query.Length > 0 || candidate.Fragment.Length > 0
            || !string.Equals(prefix.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(prefix.IdnHost, candidate.IdnHost, StringComparison.OrdinalIgnoreCase)
            || prefix.Port != candidate.Port)
        {
            return false;
        }

        var wanted = Segments(prefix);
        var given = Segments(candidate);
        return wanted.Length <= given.Length && wanted.SequenceEqual(given.Take(wanted.Length), StringComparer.Ordinal);
    }

    /// <summary>True for an absolute http(s) URL without user info, query or fragment.</summary>
    public static bool IsPlainHttpUrl(string value, out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    // Decoded segments, so %2F tricks cannot forge a boundary; ".." is resolved by Uri before this.
    private static string[] Segments(Uri uri) =>
        uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
}
