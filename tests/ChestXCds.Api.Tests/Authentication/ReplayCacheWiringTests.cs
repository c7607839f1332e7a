using System.Net;
using ChestXCds.Api.Tests.Infrastructure;
using ChestXCds.CdsHooks.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Api.Tests.Authentication;

/// <summary>
/// REQ-SEC-10: the host shares the jti replay cache through the Redis the analysis cache uses
/// (<c>Analysis:Ai:RedisConfiguration</c>), and refuses tokens while that Redis does not answer. The sharing itself is
/// proven against a real redis-server by <c>RedisJtiReplayCacheTests</c> (tests/ChestXCds.CdsHooks.Tests).
/// </summary>
public sealed class ReplayCacheWiringTests
{
    [Fact]
    public void GivenNoRedis_WhenTheHostStarts_ThenTheReplayCacheIsInProcess()
    {
        using var harness = new ApiHarness();

        Assert.IsType<JtiReplayCache>(harness.Factory.Services.GetRequiredService<IJtiReplayCache>());
    }

    [Fact]
    public async Task GivenAnalysisRedisThatDoesNotAnswer_WhenASignedCallArrives_ThenTheSharedStoreIsUsedAndTheCallRefused()
    {
        using var harness = new ApiHarness(s => s["Analysis:Ai:RedisConfiguration"] = "127.0.0.1:1,connectTimeout=500");

        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Get, "/cds-services"));

        Assert.IsType<RedisJtiReplayCache>(harness.Factory.Services.GetRequiredService<IJtiReplayCache>());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
