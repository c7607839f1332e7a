using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>Refuses to start with a client list that cannot authenticate anyone safely.</summary>
/// <param name="environment">The host's environment; without one (a bare container) nothing is required of Production.</param>
public sealed class CdsClientsOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<CdsClientsOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsClientsOptions options)
    {
        var errors = new List<string>();
        if (options.PublicBaseUrl is { Length: > 0 } baseUrl && !IsHttpUrl(baseUrl))
        {
            errors.Add("CdsClients:PublicBaseUrl must be an absolute http(s) URL.");
        }
        else if (string.IsNullOrWhiteSpace(options.PublicBaseUrl) && options.Clients.Count > 0 && environment?.IsProduction() == true)
        {
            // Without it the aud check compares against the request's own scheme and Host header, which the caller
            // writes: a token minted for another CDS service could be replayed here with that service's Host.
            // No client means no token is ever accepted, so the README's bare start needs nothing.
            errors.Add("CdsClients:PublicBaseUrl is required in Production when CdsClients:Clients is set: the service's URL as the EHRs "
                + "call it (scheme, host, port and path prefix, e.g. https://cds.example.org/chestx); every JWT's aud must equal it plus the path.");
        }

        if (options.ClockSkewSeconds is < 0 or > 600)
        {
            errors.Add("CdsClients:ClockSkewSeconds must be between 0 and 600.");
        }

        if (options.MaxTokenLifetimeSeconds is < 1 or > 86400)
        {
            errors.Add("CdsClients:MaxTokenLifetimeSeconds must be between 1 and 86400.");
        }

        if (options.JwksCacheSeconds is < 0 or > 86400)
        {
            errors.Add("CdsClients:JwksCacheSeconds must be between 0 and 86400.");
        }

        if (options.JwksMinRefreshSeconds is < 0 or > 3600)
        {
            errors.Add("CdsClients:JwksMinRefreshSeconds must be between 0 and 3600.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            var at = $"CdsClients:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.Issuer))
            {
                errors.Add($"{at}:Issuer is required.");
            }
            else if (!seen.Add(client.Issuer))
            {
                errors.Add($"{at}:Issuer '{client.Issuer}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(client.JwksUri) && string.IsNullOrWhiteSpace(client.JwksFile) && client.AllowedJkuPrefixes.Count == 0)
            {
                errors.Add($"{at} needs JwksUri, JwksFile or AllowedJkuPrefixes.");
            }

            if (client.JwksUri is { Length: > 0 } uri && !IsHttpUrl(uri))
            {
                errors.Add($"{at}:JwksUri must be an absolute http(s) URL.");
            }

            if (client.JwksFile is { Length: > 0 } file && !File.Exists(file))
            {
                errors.Add($"{at}:JwksFile '{file}' does not exist.");
            }

            foreach (var prefix in client.AllowedJkuPrefixes)
            {
                if (!IsHttpUrl(prefix))
                {
                    errors.Add($"{at}:AllowedJkuPrefixes entry '{prefix}' must be an absolute http(s) URL.");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
