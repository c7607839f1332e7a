using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ChestXCds.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChestXCds.EndToEnd.Tests;

/// <summary>REQ-E2E-05: when a part is down the hook still answers, never with a 500.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FailureTests(EndToEndWorld e2e, ITestOutputHelper output)
{
    [Fact]
    public async Task GivenThePacsIsDown_WhenAnOrderIsSigned_ThenTheHookAnswersTheDuplicateCardWithoutError()
    {
        // REQ-E2E-05
        e2e.World.UseDicomWebAddress(new Uri($"http://127.0.0.1:{ClosedPort()}/dicom-web"));
        try
        {
            await using var service = await e2e.StartServiceAsync(new Dictionary<string, string>
            {
                ["Analysis:HookBudgetMilliseconds"] = "3000",
                ["Analysis:Ai:MaxAnalysisWaitMilliseconds"] = "3000",
                ["Imaging:DicomWeb:MaxRetryAttempts"] = "1",
                ["Imaging:DicomWeb:RetryDelayMilliseconds"] = "100",
            });
            var answer = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-order-sign", e2e.World.OrderSignRequest());
            output.WriteLine($"order-sign with the PACS down: {answer.Status} in {answer.Elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(200, answer.Status);
            Assert.Equal(["prior-chest-imaging"], answer.Topics);
        }
        finally
        {
            e2e.World.RestoreDicomWebAddress();
        }
    }

    [Fact]
    public async Task GivenTheFhirServerRefusesTheToken_WhenAnOrderIsSigned_ThenTheHookAnswers412NotA500()
    {
        // REQ-E2E-05
        await using var service = await e2e.StartServiceAsync();
        var request = e2e.World.OrderSignRequest();
        request["fhirAuthorization"]!["access_token"] = "a-token-the-fhir-server-does-not-know";

        var answer = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-order-sign", request);
        output.WriteLine($"order-sign with FHIR errors: {answer.Status} in {answer.Elapsed.TotalMilliseconds:0} ms: {answer.Body}");
        Assert.Equal(412, answer.Status);
    }

    [Fact]
    public async Task GivenTheModelIsMissing_WhenTheServiceRuns_ThenReadinessSaysSoAndHooksStillAnswerWithoutAi()
    {
        // REQ-E2E-05
        var emptyModels = Directory.CreateTempSubdirectory("chestx-no-models-");
        try
        {
            await using var service = await e2e.StartServiceAsync(new Dictionary<string, string>
            {
                ["CHESTX_MODELS"] = emptyModels.FullName,
                ["Inference:ModelsRoot"] = emptyModels.FullName,
                ["Inference:RequireModelAtStart"] = "false",
                ["Analysis:HookBudgetMilliseconds"] = "3000",
                ["Analysis:Ai:MaxAnalysisWaitMilliseconds"] = "3000",
            }, probePath: "health/live");

            using var http = new HttpClient();
            using var ready = await http.GetAsync(new Uri(service.BaseAddress, "health/ready"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

            var answer = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-order-sign", e2e.World.OrderSignRequest());
            output.WriteLine($"order-sign without a model: {answer.Status} in {answer.Elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(200, answer.Status);
            Assert.Equal(["prior-chest-imaging"], answer.Topics);
        }
        finally
        {
            emptyModels.Delete(recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
