using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Scoring;

/// <summary>A key finding as RadRScore counts it: an observation (lexicon id) and its status.</summary>
public readonly record struct KeyFinding(string ObservationId, Assertion Status);
