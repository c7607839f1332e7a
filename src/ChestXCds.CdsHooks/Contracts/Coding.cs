namespace ChestXCds.CdsHooks.Contracts;

/// <summary>A FHIR-style Coding as CDS Hooks uses it (source.topic, overrideReasons).</summary>
/// <param name="System">Code system URI.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">Human-readable text; required on overrideReasons.</param>
public sealed record Coding(string? System, string? Code, string? Display = null);
