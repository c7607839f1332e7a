using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Analysis;

/// <summary>The AI analysis in the hook flow, section <c>Analysis:Ai</c>.</summary>
public sealed class AiAnalysisOptions
{
    public const string SectionName = "Analysis:Ai";

    /// <summary>Whether hooks analyse the latest chest radiograph with the model. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a hook waits for an analysis that is not cached yet, in milliseconds, and never past the hook's
    /// deadline (<see cref="AnalysisOptions.HookBudgetMilliseconds"/>). Default 400, so that a hook with prefetched
    /// data answers within the ~500 ms CDS Hooks asks for; 0 answers from the cache only and leaves every cold
    /// analysis to the background.
    /// </summary>
    [Range(0, 600_000)]
    public int MaxAnalysisWaitMilliseconds { get; set; } = 400;

    /// <summary>How long an image analysis stays cached, in minutes. Default 1440 (a day).</summary>
    [Range(1, 525_600)]
    public int CacheMinutes { get; set; } = 1440;

    /// <summary>
    /// StackExchange.Redis configuration string (e.g. "127.0.0.1:6379"). When set, the analysis cache is
    /// Redis through IDistributedCache so replicas share it; when empty, an in-memory cache. Default empty.
    /// </summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>
    /// Prepared suggestions (reasoning and serialised FHIR resources of one hook's inputs) remembered in process,
    /// so a repeated hook skips reasoning and mapping. About 120 KB each. 0 turns it off. Default 256.
    /// </summary>
    [Range(0, 100_000)]
    public int SuggestionCacheEntries { get; set; } = 256;

    /// <summary>How long a prepared suggestion is remembered, in minutes (never longer than <see cref="CacheMinutes"/>). Default 10.</summary>
    [Range(1, 1440)]
    public int SuggestionCacheMinutes { get; set; } = 10;

    /// <summary>Image analyses that run at once (retrieval, decode, inference); more wait for a slot. Default 2.</summary>
    [Range(1, 64)]
    public int MaxConcurrentAnalyses { get; set; } = 2;

    /// <summary>
    /// Image analyses that may be started or waiting at once; past it a hook answers "pending" without starting one
    /// (the next hook tries again), so a burst of new studies cannot pile up unbounded work. Default 64.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPendingAnalyses { get; set; } = 64;

    /// <summary>Studies the precompute queue holds before it answers "busy". Default 64.</summary>
    [Range(1, 100_000)]
    public int PrecomputeQueueCapacity { get; set; } = 64;

    /// <summary>After a failed analysis, how long calls for the same study wait before trying again, in seconds. Default 30.</summary>
    [Range(0, 3600)]
    public int RetryFailedAfterSeconds { get; set; } = 30;

    /// <summary>Prior reports used as evidence at most, newest first. Default 5.</summary>
    [Range(0, 100)]
    public int MaxPriorReports { get; set; } = 5;

    /// <summary>
    /// A positive finding whose catalog entry needs action makes the card a warning when its probability is
    /// at least this. Default 0.5. Below it, or for findings that need no action, the card is info.
    /// </summary>
    [Range(0.0, 1.0)]
    public double WarningMinimumProbability { get; set; } = 0.5;

    /// <summary>Findings that make the card critical when positive at or above <see cref="CriticalMinimumProbability"/>. Default Pneumothorax.</summary>
    public List<string> CriticalFindings { get; set; } = ["Pneumothorax"];

    /// <summary>Probability at or above which a critical finding makes the card critical. Default 0.9.</summary>
    [Range(0.0, 1.0)]
    public double CriticalMinimumProbability { get; set; } = 0.9;

    /// <summary>SMART launch URL of the viewer; when set, AI cards carry a smart link with the study in appContext. Default none.</summary>
    public Uri? ViewerLaunchUrl { get; set; }
}
