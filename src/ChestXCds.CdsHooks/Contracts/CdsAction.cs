namespace ChestXCds.CdsHooks.Contracts;

/// <summary>One action of a suggestion (CDS Hooks 2.0 §Action).</summary>
/// <param name="Type"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Description">What the action does.</param>
/// <param name="Resource">The FHIR resource for create and update.</param>
/// <param name="ResourceId">Relative references of what delete removes.</param>
public sealed record CdsAction(string Type, string Description, ActionResource? Resource = null, IReadOnlyList<string>? ResourceId = null);
