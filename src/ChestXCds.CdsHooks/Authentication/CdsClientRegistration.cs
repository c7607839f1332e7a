namespace ChestXCds.CdsHooks.Authentication;

/// <summary>One allowed CDS client (<c>CdsClients:Clients:N</c>).</summary>
public sealed class CdsClientRegistration
{
    /// <summary>The exact <c>iss</c> the client puts in its JWTs. Required.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The client's JWKS URL (absolute http(s)). Default: none.</summary>
    public string? JwksUri { get; set; }

    /// <summary>A local JWKS file (for keys handed over out of band); used instead of <see cref="JwksUri"/> when set. Default: none.</summary>
    public string? JwksFile { get; set; }

    /// <summary>
    /// URL prefixes a JWT header <c>jku</c> may point into for this issuer. A <c>jku</c> outside them is
    /// refused without being fetched (server-side request forgery). Default: empty (jku refused).
    /// </summary>
    public List<string> AllowedJkuPrefixes { get; set; } = [];

    /// <summary>
    /// URL prefixes (whole path segments) of the FHIR servers this client may name as <c>fhirServer</c>; any other gets
    /// 400 and no request. Required outside Development. Default: empty.
    /// </summary>
    public List<string> AllowedFhirServers { get; set; } = [];

    /// <summary>
    /// URL prefixes (whole path segments) of the DICOMweb endpoints this client's studies may name; an Endpoint outside
    /// them is never contacted. Required outside Development. Default: empty.
    /// </summary>
    public List<string> AllowedImagingEndpoints { get; set; } = [];
}
