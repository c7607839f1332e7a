namespace ChestXCds.CdsHooks.Serialization;

/// <summary>Marks a member the spec requires even when empty (e.g. <c>cards: []</c>), exempt from the no-empty-members rule.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class KeepWhenEmptyAttribute : Attribute;
