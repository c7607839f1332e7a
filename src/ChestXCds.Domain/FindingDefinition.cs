namespace ChestXCds.Domain;

/// <summary>One finding the service can talk about: its stable id, display text and codes.</summary>
/// <param name="Id">Stable identifier (NIH ChestX-ray14 spelling where one exists, e.g. "Pleural_Thickening").</param>
/// <param name="Display">Human-readable name.</param>
/// <param name="Code">The primary code for FHIR Observation.code.</param>
/// <param name="NeedsAction">True when a positive finding usually warrants clinician action (drives card severity).</param>
public sealed record FindingDefinition(string Id, string Display, FindingCode Code, bool NeedsAction);
