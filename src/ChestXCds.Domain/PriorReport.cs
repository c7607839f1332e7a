namespace ChestXCds.Domain;

/// <summary>A prior radiology report used as evidence.</summary>
/// <param name="Reference">A FHIR reference such as "DiagnosticReport/123" (no patient identifiers).</param>
/// <param name="Date">When the report was issued or its study performed.</param>
/// <param name="Text">The report text (conclusion and presented form text, sections kept).</param>
public sealed record PriorReport(string Reference, DateTimeOffset? Date, string Text);
