using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>A section of a report: its canonical name and the span of its body in the full text.</summary>
/// <param name="Name">indication, comparison, technique, findings, impression or other.</param>
public sealed record ReportSection(string Name, TextSpan Body);
