namespace ChestXCds.Analysis.Context;

/// <summary>The resolved context, or the prefetch keys whose data could not be had (→ 412).</summary>
public sealed record PatientContextResolution(PatientContext? Context, IReadOnlyList<string> Unavailable)
{
    public bool Succeeded => Context is not null;
}
