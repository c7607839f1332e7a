using System.Globalization;
using ChestXCds.Domain;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir.Mapping;

/// <summary>
/// Maps a <see cref="StudyAnalysis"/> to the project's profiled resources (fhir-profiles/): a grouping Observation
/// whose hasMember lists the finding and reasoning-step Observations, the model Device with its model card, and
/// an AI Provenance. Pure: no I/O, fresh ids on every call.
/// </summary>
public sealed class AnalysisMapper : IAnalysisMapper
{
    private readonly FhirMappingOptions _options;

    public AnalysisMapper(IOptions<FhirMappingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public AnalysisResources Map(StudyAnalysis analysis, AnalysisFhirContext context)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(analysis.Model);

        var scope = MappingScope.Create(analysis, context);
        var modelCard = AiDeviceFactory.ModelCard(analysis.Model, scope);
        var device = AiDeviceFactory.Device(analysis.Model, scope, _options.DeviceManufacturer);
        var findings = FindingObservationFactory.Create(analysis, scope);
        var steps = StepObservationFactory.Create(analysis.Chains, scope);

        var grouping = scope.NewObservation(
            ChestXProfiles.AnalysisObservation,
            MappingCodes.Local("chest-xray-ai-analysis", "AI chest radiograph analysis"));
        grouping.Value = new FhirString(Summary(findings));
        grouping.HasMember = [.. findings.Select(MappingScope.To), .. steps.Select(MappingScope.To)];

        var provenance = AiProvenanceFactory.Create([grouping, .. findings, .. steps], analysis.AnalyzedAt, scope);
        return new AnalysisResources(grouping, findings, steps, device, modelCard, provenance);
    }

    /// <summary>"Pleural effusion: present (p 0.87); Cardiomegaly: uncertain", or a plain statement when nothing is found.</summary>
    private static string Summary(IReadOnlyList<Observation> findings)
    {
        var parts = new List<string>();
        foreach (var finding in findings)
        {
            var assertion = (finding.Value as CodeableConcept)?.Coding.FirstOrDefault()?.Code;
            if (assertion is not ("present" or "uncertain"))
            {
                continue;
            }

            var probability = finding.Component.FirstOrDefault(c => c.Code.Coding.FirstOrDefault()?.Code == "probability")?.Value as Quantity;
            var p = probability?.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $" (p {v:0.00})") : string.Empty;
            parts.Add($"{finding.Code.Text ?? finding.Code.Coding.FirstOrDefault()?.Display}: {assertion}{p}");
        }

        return parts.Count == 0
            ? "AI analysis: no finding present or uncertain."
            : "AI analysis: " + string.Join("; ", parts) + ".";
    }
}
