namespace ChestXCds.Analysis;

/// <summary>Hook behaviour, section <c>Analysis</c>.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>How far back a chest radiograph counts as recent enough to make a new chest imaging order a possible duplicate, in hours. Default 72.</summary>
    public int DuplicateLookBackHours { get; set; } = 72;

    /// <summary>How far back patient-view looks for the latest chest radiograph, in days. Default 365.</summary>
    public int LatestStudyLookBackDays { get; set; } = 365;

    /// <summary>
    /// The whole hook's deadline, in milliseconds from its start: every wait of a hook (FHIR and Endpoint reads, cache
    /// reads, the analysis) ends by it, and the hook answers with what it has (412 when the patient's data could not
    /// be read in time); an analysis still running goes on in the background and the next call finds it cached.
    /// Default 1000: room for the EHR's FHIR server to answer the queries prefetch left out, well inside the timeouts
    /// EHRs give CDS services. The wait for a cold analysis is shorter (<see cref="AiAnalysisOptions.MaxAnalysisWaitMilliseconds"/>).
    /// </summary>
    public int HookBudgetMilliseconds { get; set; } = 1000;

    /// <summary>
    /// CR/DX studies whose FHIR metadata names no body part (no body site, procedure code or description) that a hook
    /// checks against their DICOM header over QIDO-RS, newest first within the look-back; the others stay uncounted.
    /// Default 2. 0 turns the check off.
    /// </summary>
    public int DicomBodyPartChecks { get; set; } = 2;

    /// <summary>
    /// The longest a hook waits for those QIDO-RS answers (they run side by side), in milliseconds, and never past the
    /// hook's deadline; a study not answered by then is not counted. Default 500: a PACS on the hospital network
    /// answers a series search in tens of milliseconds, and the rest of the budget is left to the analysis.
    /// </summary>
    public int DicomBodyPartWaitMilliseconds { get; set; } = 500;

    /// <summary>How long a study's DICOM header answer (chest or not) is remembered, in minutes. Default 60. 0 remembers nothing.</summary>
    public int DicomBodyPartCacheMinutes { get; set; } = 60;
}
