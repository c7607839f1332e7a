using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Reasoning.Generative;

/// <summary>
/// The optional generative engine: an OpenAI-compatible chat-completions server (vLLM, TGI) hosting a
/// ChestX-Reasoner model. Section "ChestX:Reasoning:Generative".
/// </summary>
public sealed class GenerativeEngineOptions : IValidatableObject
{
    public const string SectionName = "ChestX:Reasoning:Generative";

    /// <summary>Whether the generative engine is used (default false: reasoning is built from scores and reports only).</summary>
    public bool Enabled { get; set; }

    /// <summary>Server root, e.g. http://vllm:8000/ (required when <see cref="Enabled"/>; no default).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The served model name sent as "model" (default "chestx-reasoner").</summary>
    [Required]
    public string Model { get; set; } = "chestx-reasoner";

    /// <summary>Most tokens the model may generate (tokens; default 1024).</summary>
    [Range(16, 32768)]
    public int MaxTokens { get; set; } = 1024;

    /// <summary>Sampling temperature (default 0: greedy, reproducible reasoning).</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; }

    /// <summary>Timeout of one attempt (seconds; default 120: generation of ~1k tokens on one GPU).</summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 120;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (BaseAddress is null || !BaseAddress.IsAbsoluteUri))
        {
            yield return new ValidationResult($"{SectionName}:BaseAddress must be an absolute URI when the generative engine is enabled.", [nameof(BaseAddress)]);
        }
    }
}
