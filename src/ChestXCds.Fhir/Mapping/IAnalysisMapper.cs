using ChestXCds.Domain;

namespace ChestXCds.Fhir.Mapping;

/// <summary>Turns a <see cref="StudyAnalysis"/> into FHIR R4 resources (STANDARDS.md "AI results as FHIR R4 resources").</summary>
public interface IAnalysisMapper
{
    /// <summary>Maps one analysis. Each call mints fresh resource ids.</summary>
    /// <exception cref="ArgumentException">A reference in <paramref name="context"/> is malformed, the study UIDs disagree,
    /// or the analysis names a finding that is not in the <see cref="FindingCatalog"/>.</exception>
    AnalysisResources Map(StudyAnalysis analysis, AnalysisFhirContext context);
}
