using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChestXCds.Analysis;

/// <summary>Traces and metrics of the analysis pipeline (names start with "ChestXCds.Analysis").</summary>
public static class AnalysisTelemetry
{
    public const string Name = "ChestXCds.Analysis";

    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Analyses served from the cache versus computed.</summary>
    public static Counter<long> CacheLookups { get; } = Meter.CreateCounter<long>("chestx.analysis.cache.lookups", description: "Image analysis cache lookups, tagged hit=true|false");

    /// <summary>Hooks whose reasoning and FHIR resources were remembered versus built.</summary>
    public static Counter<long> SuggestionCacheLookups { get; } = Meter.CreateCounter<long>("chestx.analysis.suggestion_cache.lookups", description: "Prepared suggestion lookups, tagged hit=true|false");

    /// <summary>Cold analysis duration.</summary>
    public static Histogram<double> AnalysisDuration { get; } = Meter.CreateHistogram<double>("chestx.analysis.duration", unit: "ms", description: "Cold image analysis time (retrieval, decode, pipeline, inference)");

    /// <summary>DICOM header checks of radiographs whose FHIR metadata names no body part.</summary>
    public static Counter<long> BodyPartChecks { get; } = Meter.CreateCounter<long>("chestx.studies.body_part_checks", description: "DICOM header (QIDO-RS) body part checks, tagged outcome=chest|not-chest|remembered|unanswered");

    /// <summary>Analyses not started because too many were running or waiting.</summary>
    public static Counter<long> BusyRefusals { get; } = Meter.CreateCounter<long>("chestx.analysis.busy", description: "Analyses not started: MaxPendingAnalyses reached");

    /// <summary>Hooks answered while the analysis was still running.</summary>
    public static Counter<long> PendingAnswers { get; } = Meter.CreateCounter<long>("chestx.analysis.pending", description: "Hooks answered before the analysis was ready");
}
