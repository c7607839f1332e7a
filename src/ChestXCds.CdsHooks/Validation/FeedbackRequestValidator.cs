using ChestXCds.CdsHooks.Contracts;
using FluentValidation;

namespace ChestXCds.CdsHooks.Validation;

/// <summary>Checks a feedback body (CDS Hooks 2.0 §Feedback). Both <c>overrideReason</c> and Epic's <c>overrideReasons</c> are accepted.</summary>
public sealed class FeedbackRequestValidator : AbstractValidator<FeedbackRequest>
{
    /// <summary>Upper bound on one batch; feedback is per card, so a real batch is small.</summary>
    public const int MaxBatch = 500;

    public FeedbackRequestValidator()
    {
        RuleFor(r => r.Feedback).NotEmpty().OverridePropertyName("feedback");
        RuleFor(r => r.Feedback!.Count)
            .LessThanOrEqualTo(MaxBatch)
            .When(r => r.Feedback is not null)
            .OverridePropertyName("feedback");

        RuleForEach(r => r.Feedback).ChildRules(entry =>
        {
            entry.RuleFor(e => e.Card).NotEmpty().MaximumLength(128).OverridePropertyName("card");
            entry.RuleFor(e => e.Outcome)
                .Must(o => o is FeedbackOutcomes.Accepted or FeedbackOutcomes.Overridden)
                .WithMessage("'outcome' must be accepted or overridden.")
                .OverridePropertyName("outcome");
            entry.RuleFor(e => e.OutcomeTimestamp).NotNull().OverridePropertyName("outcomeTimestamp");
            entry.RuleForEach(e => e.AcceptedSuggestions)
                .Must(s => !string.IsNullOrWhiteSpace(s.Id) && s.Id.Length <= 128)
                .WithMessage("Each accepted suggestion needs an 'id'.")
                .OverridePropertyName("acceptedSuggestions");
        }).OverridePropertyName("feedback");
    }
}
