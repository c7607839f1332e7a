using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The body of a successful hook answer (CDS Hooks 2.0 §CDS Service Response).</summary>
/// <param name="Cards">The cards; an empty list means "no guidance".</param>
public sealed record CdsHooksResponse([property: KeepWhenEmpty] IReadOnlyList<Card> Cards)
{
    /// <summary>No guidance: <c>{"cards": []}</c>.</summary>
    public static CdsHooksResponse Empty { get; } = new([]);
}
