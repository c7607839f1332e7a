namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Decides whether a JWT header <c>jku</c> may be fetched. The comparison is on the parsed URL
/// (scheme, host, port, then whole path segments), so that <c>https://ehr.example.org.attacker.net/</c>,
/// <c>https://user@ehr.example.org/</c> or <c>https://ehr.example.org/jwks-other</c> never pass as
/// <c>https://ehr.example.org/</c> or <c>https://ehr.example.org/jwks</c>.
/// </summary>
public static class JkuPolicy
{
    public static bool IsAllowed(string? jku, IEnumerable<string> allowedPrefixes)
    {
        if (!Uri.TryCreate(jku, UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
            || target.UserInfo.Length > 0
            || target.Fragment.Length > 0
            || HasHiddenSegments(target.AbsolutePath))
        {
            return false;
        }

        foreach (var prefix in allowedPrefixes)
        {
            if (!Uri.TryCreate(prefix, UriKind.Absolute, out var allowed))
            {
                continue;
            }

            var sameOrigin = string.Equals(target.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(target.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
                && target.Port == allowed.Port;
            if (sameOrigin && StartsWithSegments(target.AbsolutePath, allowed.AbsolutePath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="path"/> is <paramref name="prefix"/> or lies below it: the prefix must end on a
    /// segment boundary, so <c>/jwks</c> matches <c>/jwks</c> and <c>/jwks/k.json</c>, never <c>/jwks-other</c>.
    /// </summary>
    private static bool StartsWithSegments(string path, string prefix)
    {
        if (prefix.EndsWith('/'))
        {
            return path.StartsWith(prefix, StringComparison.Ordinal);
        }

        return path.Length == prefix.Length
            ? string.Equals(path, prefix, StringComparison.Ordinal)
            : path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] == '/';
    }

    /// <summary>
    /// Dot segments and separators that only appear once the server decodes the path (<c>%2E%2E</c>, <c>%2F</c>,
    /// <c>%5C</c>, a backslash): <see cref="Uri"/> leaves them escaped, the server may not, and either way the path
    /// compared here would not be the one served (RFC 3986 §5.2.4).
    /// </summary>
    private static bool HasHiddenSegments(string escapedPath)
    {
        var decoded = Uri.UnescapeDataString(escapedPath);
        return decoded.Contains('\\', StringComparison.Ordinal)
            || escapedPath.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || decoded.Split('/').Any(segment => segment is "." or "..");
    }
}
