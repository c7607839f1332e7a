using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Fhir.Mapping;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// The Reason and Map stages of one study's analysis: reasoning over the prior reports (<see cref="StudyAnalysisAssembler"/>),
/// then ChestXCds.Fhir's mapping, which mints every id from the inputs' digest and writes the resources as FHIR JSON once.
/// </summary>
public sealed class SuggestionBuilder(StudyAnalysisAssembler assembler, IAnalysisMapper mapper)
{
    public PreparedSuggestion Build(SuggestionInputs inputs, string digest)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var analysis = assembler.Assemble(inputs.Findings, inputs.Priors);
        var context = new AnalysisFhirContext(
            PatientReference: inputs.PatientReference,
            ImagingStudyReference: inputs.ImagingStudyReference,
            StudyInstanceUid: analysis.StudyInstanceUid,
            Issued: analysis.AnalyzedAt,
            ServiceRequestReference: inputs.ServiceRequestReference,
            UserReference: inputs.UserReference,
            EvidenceReportReferences: analysis.EvidenceReports,
            IdSeed: digest);
        var resources = mapper.Map(analysis, context).Serialize()
            .Select(r => ActionResource.FromSerialized(r.Utf8Json, r.ResourceType, r.Id))
            .ToList();
        return new PreparedSuggestion(analysis, resources);
    }
}
