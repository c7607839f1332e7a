namespace ChestXCds.Fhir.Reading;

/// <summary>The FHIR server of a hook call and the token to read it with (<c>fhirServer</c>, <c>fhirAuthorization.access_token</c>).</summary>
/// <param name="BaseUrl">The FHIR base URL; ends with '/' so that relative queries resolve under it.</param>
/// <param name="BearerToken">Sent as <c>Authorization: Bearer</c>; never logged. Null: read without a token.</param>
public sealed record FhirServerAccess(Uri BaseUrl, string? BearerToken)
{
    /// <summary>Builds an access from the hook's strings, or null when <paramref name="fhirServer"/> is not an absolute http(s) URL.</summary>
    public static FhirServerAccess? From(string? fhirServer, string? bearerToken)
    {
        if (!Uri.TryCreate(fhirServer, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var text = uri.AbsoluteUri;
        return new FhirServerAccess(new Uri(text.EndsWith('/') ? text : text + "/"), string.IsNullOrEmpty(bearerToken) ? null : bearerToken);
    }

    /// <summary>Hides the token from records' generated ToString, which could end up in a log.</summary>
    public override string ToString() => $"FhirServerAccess {{ BaseUrl = {BaseUrl} }}";
}
