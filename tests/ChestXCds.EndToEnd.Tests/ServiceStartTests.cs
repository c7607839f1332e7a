using System.Net;
using ChestXCds.Cli.Demo;
using ChestXCds.EndToEnd.Tests.Infrastructure;
using ChestXCds.Testing;

namespace ChestXCds.EndToEnd.Tests;

/// <summary>
/// REQ-API-10: the README's "start the service on its own" command works as written, from the repository
/// root, on the service's defaults (appsettings.json; the weights under CHESTX_SHARED or ../shared). It
/// needs neither Orthanc nor the FHIR server, so it runs outside the end-to-end world.
/// </summary>
public sealed class ServiceStartTests
{
    [Fact]
    public async Task GivenTheReadmeCommand_WhenRunFromTheRepositoryRoot_ThenTheServiceIsLiveAndItsModelReady()
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await using var service = await ServiceProcess.StartAsReadmeSaysAsync(TestPaths.RepositoryRoot, TimeSpan.FromSeconds(80), bounded.Token);
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        // Ready once the feedback store opens and every hook path has run once (the warm-up takes seconds).
        var status = await Eventually.Async(
            async () =>
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative), bounded.Token);
                return ready.StatusCode;
            },
            code => code == HttpStatusCode.OK,
            attempts: 120,
            delayMilliseconds: 500);

        Assert.True(status == HttpStatusCode.OK, $"/health/ready answered {(int)status}. Output:\n{service.OutputTail}");
    }
}
