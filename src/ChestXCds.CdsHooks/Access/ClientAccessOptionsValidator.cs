using ChestXCds.CdsHooks.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChestXCds.CdsHooks.Access;

/// <summary>
/// Refuses to start outside Development with a client that has no FHIR server or imaging endpoint allow-list, or
/// with an entry that is not a plain absolute URL (https only outside Development).
/// </summary>
public sealed class ClientAccessOptionsValidator(IHostEnvironment environment) : IValidateOptions<CdsClientsOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsClientsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var development = environment.IsDevelopment();
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            Check($"CdsClients:Clients:{i}:AllowedFhirServers", client.AllowedFhirServers, development, errors);
            Check($"CdsClients:Clients:{i}:AllowedImagingEndpoints", client.AllowedImagingEndpoints, development, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string at, List<string> prefixes, bool development, List<string> errors)
    {
        if (prefixes.Count == 0 && !development)
        {
            errors.Add($"{at} is required outside Development: list the URL prefixes this client may make the service read.");
        }

        foreach (var prefix in prefixes)
        {
            if (!UrlPrefix.IsPlainHttpUrl(prefix, out var uri))
            {
                errors.Add($"{at} entry '{prefix}' must be an absolute http(s) URL without user info, query or fragment.");
            }
            else if (!development && uri!.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"{at} entry '{prefix}' must be https outside Development.");
            }
        }
    }
}
