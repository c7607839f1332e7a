namespace ChestXCds.Domain;

/// <summary>How a finding changed between a prior study and the current one.</summary>
public enum TemporalChange
{
    Unknown,
    New,
    Stable,
    Worsening,
    Improving,
    Resolved,
}
