using System.Diagnostics;
using System.Net.Http.Headers;
using ChestXCds.Cli.Demo;

namespace ChestXCds.LoadTest;

/// <summary>The Endpoint read every warm hook still makes (prefetch cannot _include it), timed alone.</summary>
public static class FhirReadProbe
{
    public static async Task<double> MedianEndpointReadMsAsync(DemoWorld world, int count, CancellationToken ct)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoWorld.AccessToken);
        var url = new Uri(world.FhirBase + "/Endpoint/" + DemoFhirData.EndpointId);
        var times = new List<double>();
        for (var i = -3; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Stats.Median(times);
    }
}
