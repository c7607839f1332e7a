namespace ChestXCds.Analysis.Analyzing;

/// <summary>What the pipeline has for a study when the hook must answer.</summary>
public sealed record PipelineResult
{
    private PipelineResult(PipelineOutcome outcome, PreparedSuggestion? suggestion, string? reason)
    {
        Outcome = outcome;
        Suggestion = suggestion;
        Reason = reason;
    }

    public PipelineOutcome Outcome { get; }

    /// <summary>The analysis and its resources, when <see cref="Outcome"/> is Ready.</summary>
    public PreparedSuggestion? Suggestion { get; }

    /// <summary>Why there is no analysis (for logs: no identifiers), when <see cref="Outcome"/> is Unavailable.</summary>
    public string? Reason { get; }

    public static PipelineResult Pending { get; } = new(PipelineOutcome.Pending, null, null);

    public static PipelineResult Ready(PreparedSuggestion suggestion) => new(PipelineOutcome.Ready, suggestion, null);

    public static PipelineResult Unavailable(string reason) => new(PipelineOutcome.Unavailable, null, reason);

    public static PipelineResult ImagingNotAllowed(string reason) => new(PipelineOutcome.ImagingNotAllowed, null, reason);
}

/// <summary>
/// Ready: the analysis is there. Pending: it goes on in the background. Unavailable: there is none to be had now.
/// ImagingNotAllowed: the study's images are at a source this client may not make the service contact.
/// </summary>
public enum PipelineOutcome
{
    Ready,
    Pending,
    Unavailable,
    ImagingNotAllowed,
}
