namespace ChestXCds.CdsHooks.Prefetch;

/// <summary>
/// The prefetch templates the services declare. They keep to the recommended subset of FHIR search
/// (CDS Hooks 2.0 §Prefetch Template: no _include, only context tokens) and ask newest first so that
/// a client that pages gives the recent studies and reports first.
/// </summary>
public static class PrefetchTemplates
{
    /// <summary>Largest page asked for; the service follows Bundle.link[next] when it queries itself.</summary>
    public const int PageSize = 50;

    public const string Patient = "Patient/{{context.patientId}}";

    public const string ImagingStudies = "ImagingStudy?patient={{context.patientId}}&_sort=-started&_count=50";

    public const string DiagnosticReports = "DiagnosticReport?patient={{context.patientId}}&_sort=-date&_count=50";

    /// <summary>Key → template, as discovery lists them.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PrefetchKeys.Patient] = Patient,
        [PrefetchKeys.ImagingStudies] = ImagingStudies,
        [PrefetchKeys.DiagnosticReports] = DiagnosticReports,
    };
}
