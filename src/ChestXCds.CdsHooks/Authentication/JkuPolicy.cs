namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// Decides whether a JWT header <c>jku</c> may be fetched. The comparison is on the parsed URL
/// (scheme, host, port, then path prefix), so that <c>https://ehr.example.org.attacker.net/</c> or
/// <c>https://user@ehr.example.org/</c> never pass as <c>https://ehr.example.org/</c>.
/// </summary>
public static class JkuPolicy
{
    public static bool IsAllowed(string? jku, IEnumerable<string> allowedPrefixes)
    {
        if (!Uri.TryCreate(jku, UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
            || target.UserInfo.Length > 0
            || target.Fragment.Length > 0)
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
            if (sameOrigin && target.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal)
                && !target.AbsolutePath.Contains("/../", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
