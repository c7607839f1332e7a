namespace ChestXCds.Reasoning.Verification;

/// <summary>Reasoning text split into its think part, answer and steps.</summary>
/// <param name="Think">Text inside &lt;think&gt;…&lt;/think&gt;, or the whole text when untagged.</param>
/// <param name="Answer">Text inside &lt;answer&gt;…&lt;/answer&gt;, when present.</param>
/// <param name="Steps">The think part split into steps (lines, list items, sentences), markup removed.</param>
public sealed record ParsedReasoning(string Think, string? Answer, IReadOnlyList<string> Steps);
