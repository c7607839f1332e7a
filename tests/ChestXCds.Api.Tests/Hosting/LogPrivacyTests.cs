using System.Net;
using System.Net.Http.Headers;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Hosting;

/// <summary>REQ-API-08: the logs of a full hook (JWT auth, FHIR queries with a token, a card, feedback) hold no JWT, token or patient identifier.</summary>
public sealed class LogPrivacyTests : IDisposable
{
    private readonly ApiHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenFullHookAndFeedback_WhenLogsCaptured_ThenNoSecretsOrIdentifiers()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(4));
        var body = HookBodies.OrderSign(harness.FhirBase).Clean();
        var path = "/cds-services/chestx-order-sign";
        var jwt = harness.Keys.Mint("ES256", harness.Keys.Claims(ApiHarness.Audience(path)));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);

        var response = await harness.Client().SendAsync(request);
        var refused = await harness.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", jwt) },
            Content = new StringContent(body.ToJsonString()),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var records = harness.Factory.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.Contains(records, r => r.Id.Id == 7003);

        var jwtParts = jwt.Split('.');
        string[] forbidden = [jwtParts[1], jwtParts[2], FhirFixtures.AccessToken, FhirFixtures.PatientId, "MRN-99812", "Quinlan", FhirFixtures.StudyUid];
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(s => s.Key + "=" + s.Value) ?? []) + " " + record.Exception;
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"Log {record.Category}[{record.Id}] contains a secret or identifier: {record.Message}");
            }
        }
    }
}
