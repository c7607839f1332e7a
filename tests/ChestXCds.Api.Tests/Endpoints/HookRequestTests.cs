using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Endpoints;

/// <summary>REQ-CDS-02: 400 naming each wrong field, 404 for an unknown service, 413 over the body limit.</summary>
public sealed class HookRequestTests : IDisposable
{
    private readonly ApiHarness harness = new(s => s["CdsHooks:MaxRequestBodyBytes"] = "65536");

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenRequestWithSeveralWrongFields_WhenPosted_ThenProblemNamesEachField()
    {
        var body = HookBodies.OrderSign(harness.FhirBase);
        body["hookInstance"] = "not-a-uuid";
        body["context"]!["userId"] = "Device/1";
        body["context"]!.AsObject().Remove("patientId");
        body["fhirAuthorization"]!["token_type"] = "MAC";

        var response = await harness.PostHookAsync("chestx-order-sign", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("hookInstance", errors.Select(e => e.Key));
        Assert.Contains("context.userId", errors.Select(e => e.Key));
        Assert.Contains("context.patientId", errors.Select(e => e.Key));
        Assert.Contains("fhirAuthorization.token_type", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task GivenWrongJsonType_WhenPosted_ThenProblemNamesThePath()
    {
        var request = harness.Signed(HttpMethod.Post, "/cds-services/chestx-order-sign",
            """{"hook":"order-sign","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","context":{"patientId":42}}""");

        var response = await harness.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("context.patientId", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task GivenMalformedJson_WhenPosted_ThenBadRequest()
    {
        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, "/cds-services/chestx-order-sign", "{\"hook\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GivenHookOfAnotherService_WhenPosted_ThenBadRequestNamingHook()
    {
        var response = await harness.PostHookAsync("chestx-patient-view", HookBodies.OrderSign(harness.FhirBase));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"hook\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenUnknownServiceId_WhenPosted_ThenNotFound()
    {
        var response = await harness.PostHookAsync("no-such-service", HookBodies.OrderSign(harness.FhirBase));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GivenBodyOverTheLimit_WhenPosted_ThenPayloadTooLarge()
    {
        var body = HookBodies.OrderSign(harness.FhirBase);
        body["context"]!["padding"] = new string('x', 70_000);

        var response = await harness.PostHookAsync("chestx-order-sign", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task GivenChunkedBodyOverTheLimit_WhenPosted_ThenPayloadTooLarge()
    {
        var request = harness.Signed(HttpMethod.Post, "/cds-services/chestx-order-sign");
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"hook\":\"" + new string('a', 100_000) + "\"}")));
        request.Headers.TransferEncodingChunked = true;

        var response = await harness.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task GivenDefaultLimit_WhenBodyIsFourMegabytes_ThenAccepted()
    {
        using var defaults = new ApiHarness();
        defaults.ServeStandardFhirData(TimeSpan.FromDays(30));
        var body = HookBodies.OrderSign(defaults.FhirBase);
        body["extension"] = new JsonObject { ["com.example.bulk"] = new string('x', 4_000_000) };

        var response = await defaults.PostHookAsync("chestx-order-sign", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
