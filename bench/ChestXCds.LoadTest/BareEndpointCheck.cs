using System.Net;
using System.Net.Http.Headers;
using ChestXCds.Cli.Demo;

namespace ChestXCds.LoadTest;

/// <summary>
/// Before the bare endpoint is measured: proof that it pays for the JWT as the service does. A fresh token for its
/// own URL gets 200 and the service's bytes; the same token again (jti replay), a token for another URL (aud) and
/// no token get 401. Otherwise the floor would be measuring less than the service must do, and the run stops.
/// </summary>
public static class BareEndpointCheck
{
    public static async Task RunAsync(DemoEhr ehr, Uri bareBase, Uri otherAudience, string bodyFile, byte[] expectedBody, CancellationToken ct)
    {
        var url = new Uri(bareBase, BenchEnvironment.OrderSignPath);
        var body = await File.ReadAllBytesAsync(bodyFile, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var token = ehr.Sign(url.AbsoluteUri);
        var (status, answer) = await PostAsync(http, url, token, body, ct);
        if (status != HttpStatusCode.OK || !answer.AsSpan().SequenceEqual(expectedBody))
        {
            throw new InvalidOperationException($"The bare endpoint answered {(int)status} ({answer.Length} bytes) to a valid token, not 200 with the service's {expectedBody.Length} bytes.");
        }

        (string Case, string? Token)[] refused =
        [
            ("a replayed jti", token),
            ("aud of another URL", ehr.Sign(otherAudience.AbsoluteUri)),
            ("no token", null),
        ];
        foreach (var (name, bad) in refused)
        {
            (status, _) = await PostAsync(http, url, bad, body, ct);
            if (status != HttpStatusCode.Unauthorized)
            {
                throw new InvalidOperationException($"The bare endpoint answered {(int)status} to {name}, not 401: it does not verify JWTs as the service does.");
            }
        }

        Console.WriteLine("Bare endpoint check: valid token 200 with the service's bytes; replayed jti, other aud, no token 401");
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(HttpClient http, Uri url, string? token, byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
    }
}
