using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Generative;

/// <summary>A generative model's answer with each of its reasoning steps verified against the evidence.</summary>
public sealed record VerifiedGenerativeReasoning(GenerativeAnswer Answer, IReadOnlyList<ReasoningStep> Steps);
