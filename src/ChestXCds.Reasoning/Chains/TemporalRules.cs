using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Chains;

/// <summary>How a finding changed from the most recent prior assertion to the current one, and the words for it.</summary>
public static class TemporalRules
{
    public static TemporalChange Compare(Assertion? prior, Assertion current) => (prior, current) switch
    {
        (null, _) => TemporalChange.Unknown,
        (Assertion.Absent, Assertion.Present) => TemporalChange.New,
        (Assertion.Absent, Assertion.Absent) => TemporalChange.Stable,
        (Assertion.Present, Assertion.Present) => TemporalChange.Stable,
        (Assertion.Present, Assertion.Absent) => TemporalChange.Resolved,
        (Assertion.Present, Assertion.Uncertain) => TemporalChange.Improving,
        (Assertion.Uncertain, Assertion.Present) => TemporalChange.Worsening,
        (Assertion.Uncertain, Assertion.Absent) => TemporalChange.Improving,
        (Assertion.Uncertain, Assertion.Uncertain) => TemporalChange.Stable,
        _ => TemporalChange.Unknown,
    };

    /// <summary>A word from the temporal lexicon (Resources/Rules/temporal.txt), so text can be re-read by the verifier.</summary>
    public static string Word(TemporalChange change) => change switch
    {
        TemporalChange.New => "new",
        TemporalChange.Stable => "stable",
        TemporalChange.Worsening => "worsening",
        TemporalChange.Improving => "improving",
        TemporalChange.Resolved => "resolved",
        _ => "not comparable",
    };
}
