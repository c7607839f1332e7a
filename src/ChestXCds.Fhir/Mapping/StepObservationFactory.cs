using ChestXCds.Domain;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>One reasoning-step Observation per step: text as valueString, evidence as extensions, verdict as a component.</summary>
internal static class StepObservationFactory
{
    /// <summary>Said for a step that reached the mapper without a verdict, rather than inventing one.</summary>
    internal const string NotVerifiedReason = "The step was not verified.";

    private static readonly string[] EvidenceSourceTypes = ["DiagnosticReport", "ImagingStudy", "Device", "DocumentReference", "Observation"];

    public static List<Observation> Create(IReadOnlyList<ReasoningChain> chains, MappingScope scope)
    {
        var observations = new List<Observation>();
        foreach (var chain in chains)
        {
            foreach (var step in chain.Steps.OrderBy(s => s.Index))
            {
                observations.Add(Create(chain, step, scope));
            }
        }

        return observations;
    }

    private static Observation Create(ReasoningChain chain, ReasoningStep step, MappingScope scope)
    {
        if (string.IsNullOrWhiteSpace(step.Text))
        {
            throw new ArgumentException($"Step {step.Index} of the chain about '{chain.FindingId}' has no text.", nameof(chain));
        }

        var observation = scope.NewObservation(
            ChestXProfiles.ReasoningStepObservation,
            MappingCodes.Local("reasoning-step", "AI reasoning step"));
        observation.Value = new FhirString(step.Text.Trim());
        foreach (var evidence in step.Evidence)
        {
            observation.Extension.Add(Evidence(evidence));
        }

        observation.Component.Add(Component("step-index", "Step index", new Integer(step.Index)));
        observation.Component.Add(Component("step-kind", "Step kind", MappingCodes.StepKind(step.Kind)));
        observation.Component.Add(Component("step-verdict", "Step verdict", MappingCodes.Verdict(step.Verdict ?? StepVerdict.Unverifiable)));
        var reason = step.Verdict is null ? NotVerifiedReason : step.VerdictReason;
        if (!string.IsNullOrWhiteSpace(reason))
        {
            observation.Component.Add(Component("verdict-reason", "Verdict reason", new FhirString(reason.Trim())));
        }

        var findingId = step.FindingId ?? chain.FindingId;
        if (!string.IsNullOrWhiteSpace(findingId))
        {
            var definition = FindingObservationFactory.Definition(findingId);
            observation.Component.Add(Component("step-finding", "Step finding", MappingCodes.Finding(definition)));
        }

        if (step.Claim is { } claim)
        {
            observation.Component.Add(Component("step-claim", "Step claim", MappingCodes.Assertion(claim)));
        }

        if (!string.IsNullOrWhiteSpace(chain.Question))
        {
            observation.Component.Add(Component("chain-question", "Chain question", new FhirString(chain.Question.Trim())));
        }

        return observation;
    }

    private static Extension Evidence(Domain.Evidence evidence)
    {
        var extension = new Extension { Url = ChestXProfiles.StepEvidenceExtension };
        extension.AddExtension("kind", new Code(MappingCodes.EvidenceKindCode(evidence.Kind)));
        var description = !string.IsNullOrWhiteSpace(evidence.Description)
            ? evidence.Description.Trim()
            : evidence.Quote?.Trim() is { Length: > 0 } quote ? quote : MappingCodes.EvidenceKindCode(evidence.Kind);
        extension.AddExtension("description", new FhirString(description));
        if (!string.IsNullOrWhiteSpace(evidence.Source))
        {
            var source = evidence.Source.Trim();
            var type = ReferenceRules.TypeOf(source);
            extension.AddExtension(
                "source",
                type is not null && EvidenceSourceTypes.Contains(type, StringComparer.Ordinal)
                    ? new ResourceReference(source) { Type = type }
                    : new FhirString(source));
        }

        if (!string.IsNullOrWhiteSpace(evidence.Quote))
        {
            extension.AddExtension("quote", new FhirString(evidence.Quote.Trim()));
        }

        if (evidence.Date is { } date)
        {
            extension.AddExtension("date", new FhirDateTime(date));
        }

        if (evidence.Score is { } score && double.IsFinite(score))
        {
            extension.AddExtension("score", new FhirDecimal(Math.Round((decimal)score, 4)));
        }

        if (evidence.Threshold is { } threshold && double.IsFinite(threshold))
        {
            extension.AddExtension("threshold", new FhirDecimal(Math.Round((decimal)threshold, 4)));
        }

        if (evidence.Assertion is { } assertion)
        {
            extension.AddExtension("assertion", new Code(MappingCodes.AssertionCode(assertion)));
        }

        return extension;
    }

    private static Observation.ComponentComponent Component(string code, string display, DataType value) => new()
    {
        Code = MappingCodes.Local(code, display),
        Value = value,
    };
}
