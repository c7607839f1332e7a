using System.Net;
using ChestXCds.Cli.Demo;
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
        using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative), bounded.Token);

        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/health/ready answered {(int)ready.StatusCode}. Output:\n{service.OutputTail}");
    }
}
