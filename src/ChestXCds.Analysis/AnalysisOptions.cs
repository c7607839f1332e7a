namespace ChestXCds.Analysis;

/// <summary>Hook behaviour, section <c>Analysis</c>.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>How far back a chest radiograph counts as recent enough to make a new chest imaging order a possible duplicate, in hours. Default 72.</summary>
    public int DuplicateLookBackHours { get; set; } = 72;

    /// <summary>How far back patient-view looks for the latest chest radiograph, in days. Default 365.</summary>
    public int LatestStudyLookBackDays { get; set; } = 365;
}
