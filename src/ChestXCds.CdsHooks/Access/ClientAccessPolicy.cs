using System.Net;
using ChestXCds.CdsHooks.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChestXCds.CdsHooks.Access;

/// <summary>
/// Which FHIR servers and DICOMweb endpoints a calling client may make the service talk to
/// (<c>CdsClients:Clients:N:AllowedFhirServers</c>, <c>…:AllowedImagingEndpoints</c>): URL prefixes on whole path
/// segments (<see cref="UrlPrefix"/>). Outside Development only https is ever allowed, and a client without a list
/// is allowed nothing (the lists are required there, <see cref="ClientAccessOptionsValidator"/>); in Development an
/// absent list allows any URL, and http only on a loopback address. The EHR's token never goes anywhere this refuses.
/// </summary>
public sealed class ClientAccessPolicy(IOptionsMonitor<CdsClientsOptions> options, IHostEnvironment environment)
{
    /// <summary>Null when the client may have its FHIR server read; otherwise why not (for a 400 naming fhirServer).</summary>
    public string? RefuseFhirServer(string client, Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Refuse(client, server, r => r.AllowedFhirServers, "AllowedFhirServers");
    }

    /// <summary>True when the client may have images read from <paramref name="endpoint"/> (a study's WADO-RS address).</summary>
    public bool AllowsImagingEndpoint(string client, string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && Refuse(client, uri, r => r.AllowedImagingEndpoints, "AllowedImagingEndpoints") is null;

    private string? Refuse(string client, Uri candidate, Func<CdsClientRegistration, List<string>> list, string listName)
    {
        if (candidate.Scheme != Uri.UriSchemeHttps && !(candidate.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment() && IsLoopback(candidate)))
        {
            return environment.IsDevelopment()
                ? "Only https, or http on a loopback address, is allowed."
                : "Only https is allowed.";
        }

        var registration = options.CurrentValue.Clients.FirstOrDefault(c => string.Equals(c.Issuer, client, StringComparison.Ordinal));
        var prefixes = registration is null ? [] : list(registration);
        if (prefixes.Count == 0)
        {
            return environment.IsDevelopment() ? null : $"This client has no {listName}; nothing is allowed.";
        }

        return prefixes.Any(p => Uri.TryCreate(p, UriKind.Absolute, out var prefix) && UrlPrefix.Matches(prefix, candidate))
            ? null
            : $"Not in this client's {listName}.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
