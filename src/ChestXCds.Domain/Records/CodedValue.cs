namespace ChestXCds.Domain.Records;

/// <summary>A code as FHIR carries it (a Coding), without the FHIR model: system, code and display, each optional.</summary>
public sealed record CodedValue(string? System, string? Code, string? Display = null);
