using ChestXCds.Domain;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>
/// One finding Observation per finding a reasoning chain answers (its conclusion's assertion, confidence and
/// temporal change) and per positive model score without a chain (asserted present). Highest probability first.
/// </summary>
internal static class FindingObservationFactory
{
    public static List<Observation> Create(StudyAnalysis analysis, MappingScope scope)
    {
        var scores = analysis.Scores
            .GroupBy(s => s.FindingId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var chains = analysis.Chains
            .GroupBy(c => c.FindingId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        var findingIds = chains.Keys
            .Concat(scores.Values.Where(s => s.IsPositive).Select(s => s.FindingId))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(id => scores.TryGetValue(id, out var s) ? s.Probability : -1)
            .ThenBy(id => id, StringComparer.Ordinal);

        var observations = new List<Observation>();
        foreach (var id in findingIds)
        {
            var definition = Definition(id);
            scores.TryGetValue(id, out var score);
            chains.TryGetValue(id, out var chain);
            observations.Add(Create(definition, score, chain, scope));
        }

        return observations;
    }

    internal static FindingDefinition Definition(string findingId) =>
        FindingCatalog.TryGet(findingId, out var definition)
            ? definition
            : throw new ArgumentException($"The analysis names finding '{findingId}', which is not in the finding catalog.", nameof(findingId));

    private static Observation Create(FindingDefinition definition, FindingScore? score, ReasoningChain? chain, MappingScope scope)
    {
        var assertion = chain?.Answer ?? Assertion.Present;
        var observation = scope.NewObservation(ChestXProfiles.FindingObservation, MappingCodes.Finding(definition));
        observation.Value = MappingCodes.Assertion(assertion);
        observation.Interpretation = [MappingCodes.Interpretation(assertion)];
        if (score is not null && double.IsFinite(score.Probability) && double.IsFinite(score.Threshold))
        {
            observation.Component.Add(Component("probability", "Model probability", MappingCodes.Ratio(score.Probability)));
            observation.Component.Add(Component("threshold", "Decision threshold", MappingCodes.Ratio(score.Threshold)));
        }

        if (chain is not null)
        {
            if (double.IsFinite(chain.Confidence))
            {
                observation.Component.Add(Component("confidence", "Reasoning confidence", MappingCodes.Ratio(chain.Confidence)));
            }

            observation.Component.Add(Component("temporal-change", "Temporal change", MappingCodes.Change(chain.Change)));
        }

        return observation;
    }

    private static Observation.ComponentComponent Component(string code, string display, DataType value) => new()
    {
        Code = MappingCodes.Local(code, display),
        Value = value,
    };
}
