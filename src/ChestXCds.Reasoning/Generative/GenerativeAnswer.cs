namespace ChestXCds.Reasoning.Generative;

/// <summary>What the generative model answered.</summary>
/// <param name="Text">The whole completion.</param>
/// <param name="Think">The &lt;think&gt; part, when tagged.</param>
/// <param name="Answer">The &lt;answer&gt; part, when tagged.</param>
public sealed record GenerativeAnswer(string Text, string? Think, string? Answer);
