namespace ChestXCds.Analysis.Context;

/// <summary>The resolved context; or the prefetch keys whose data could not be had (→ 412); or nothing to do.</summary>
public sealed record PatientContextResolution(PatientContext? Context, IReadOnlyList<string> Unavailable)
{
    /// <summary>order-sign/order-select without a chest imaging order: the hook has nothing to say and reads nothing.</summary>
    public static PatientContextResolution NotRelevant { get; } = new(null, []);

    public bool Succeeded => Context is not null;
}
