namespace ChestXCds.Domain;

/// <summary>How a source asserts a finding: present, absent (negated) or uncertain (hedged).</summary>
public enum Assertion
{
    Present,
    Absent,
    Uncertain,
}
