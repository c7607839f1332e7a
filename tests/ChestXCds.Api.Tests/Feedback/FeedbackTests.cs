using System.Net;
using ChestXCds.Api.Feedback;
using ChestXCds.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Api.Tests.Feedback;

/// <summary>REQ-API-03: feedback batches and repeats stored one row per outcome, without patient identifiers, surviving a restart.</summary>
public sealed class FeedbackTests : IDisposable
{
    private const string Path = "/cds-services/chestx-order-sign/feedback";
    private readonly ApiHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenBatchWithBothOverrideSpellings_WhenPostedTwice_ThenEveryOutcomeStoredAndSurvivesRestart()
    {
        var card = Guid.NewGuid().ToString();
        var body = $$$"""
        {"feedback": [
          {"card": "{{{card}}}", "outcome": "accepted", "acceptedSuggestions": [{"id": "0d9b1f6e-3c1a-4f0b-9d55-7e2d0e3f4a11"}], "outcomeTimestamp": "2026-11-25T10:00:00Z"},
          {"card": "{{{card}}}", "outcome": "overridden", "overrideReason": {"reason": {"code": "clinically-indicated", "system": "urn:chestxcds:override-reason",
             "display": "Repeat imaging is clinically indicated"}, "userComment": "Patient {{{FhirFixtures.PatientId}}} deteriorated"},
           "outcomeTimestamp": "2026-11-25T10:01:00Z"},
          {"card": "{{{card}}}", "outcome": "overridden", "overrideReasons": [{"reason": {"code": "prior-inadequate", "system": "urn:chestxcds:override-reason"}}],
           "outcomeTimestamp": "2026-11-25T10:02:00Z", "extension": {"com.epic.cdshooks.feedback.user": "x"}}
        ]}
        """;

        var first = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, Path, body));
        var repeat = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, Path, body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);

        var restarted = harness.Restart();
        var records = await restarted.Services.GetRequiredService<IFeedbackStore>().ListAsync(100, CancellationToken.None);
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal(card, r.CardUuid));
        Assert.Contains(records, r => r.OverrideReasons.Contains("urn:chestxcds:override-reason|prior-inadequate"));
        Assert.Contains(records, r => r.HadUserComment);
        Assert.Contains(records, r => r.AcceptedSuggestions.Contains("0d9b1f6e-3c1a-4f0b-9d55-7e2d0e3f4a11"));
        Assert.All(records, r => Assert.Equal(ApiHarness.Issuer, r.ClientIssuer));

        var file = await File.ReadAllBytesAsync(harness.DatabasePath);
        Assert.DoesNotContain(FhirFixtures.PatientId, System.Text.Encoding.UTF8.GetString(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenBadOutcome_WhenPosted_ThenProblemNamesTheField()
    {
        var body = """{"feedback": [{"card": "c1", "outcome": "ignored", "outcomeTimestamp": "2026-11-25T10:00:00Z"}]}""";

        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, Path, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenUnknownService_WhenFeedbackPosted_ThenNotFound()
    {
        const string path = "/cds-services/nope/feedback";
        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, path, """{"feedback":[]}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
