using System.Text.Json;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using ChestXCds.CdsHooks.Validation;

namespace ChestXCds.CdsHooks.Tests.Validation;

public sealed class FeedbackRequestValidatorTests
{
    private readonly FeedbackRequestValidator validator = new();

    private static FeedbackRequest Read(string json) => JsonSerializer.Deserialize<FeedbackRequest>(json, CdsHooksJson.Options)!;

    [Fact]
    public void GivenEpicOverrideReasons_WhenValidated_ThenValid()
    {
        var request = Read("""
            {"feedback":[{"card":"c1","outcome":"overridden","overrideReasons":[{"reason":{"code":"a","system":"s"}}],"outcomeTimestamp":"2026-11-25T10:00:00Z"}]}
            """);

        Assert.True(validator.Validate(request).IsValid);
        Assert.Equal("a", request.Feedback![0].OverrideReasons![0].Reason!.Code);
    }

    [Fact]
    public void GivenEmptyBatch_WhenValidated_ThenFeedbackNamed() =>
        Assert.Contains(validator.Validate(Read("""{"feedback":[]}""")).Errors, e => e.PropertyName == "feedback");

    [Fact]
    public void GivenEntryWithoutCardOrTimestamp_WhenValidated_ThenEachNamed()
    {
        var errors = validator.Validate(Read("""{"feedback":[{"outcome":"accepted"}]}""")).Errors;

        Assert.Contains(errors, e => e.PropertyName.EndsWith("card", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.PropertyName.EndsWith("outcomeTimestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenUnknownOutcome_WhenValidated_ThenNamed() =>
        Assert.Contains(
            validator.Validate(Read("""{"feedback":[{"card":"c","outcome":"maybe","outcomeTimestamp":"2026-11-25T10:00:00Z"}]}""")).Errors,
            e => e.PropertyName.EndsWith("outcome", StringComparison.Ordinal));
}
