namespace ChestXCds.CdsHooks.Prefetch;

/// <summary>The prefetch keys every ChestXCds service declares.</summary>
public static class PrefetchKeys
{
    public const string Patient = "patient";
    public const string ImagingStudies = "imagingStudies";
    public const string DiagnosticReports = "diagnosticReports";
}
