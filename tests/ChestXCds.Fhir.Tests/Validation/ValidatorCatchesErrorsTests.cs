using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Profiles;
using ChestXCds.Fhir.Tests.Mapping;
using ChestXCds.Fhir.Validation;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChestXCds.Fhir.Tests.Validation;

// REQ-FHIRMAP-08: the validator reports profile and terminology violations as errors, it does not hide them.
[Collection(ValidatorFixture.Collection)]
public sealed class ValidatorCatchesErrorsTests(ValidatorFixture fixture, ITestOutputHelper output)
{
    private readonly AnalysisResources _resources = new AnalysisMapper(Options.Create(new FhirMappingOptions()))
        .Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context());

    [Fact]
    public void GivenAStepWithAVerdictOutsideItsValueSet_WhenValidated_ThenAnErrorIsReported()
    {
        var step = _resources.Steps[0];
        var verdict = step.Component.Single(c => c.Code.Coding[0].Code == "step-verdict");
        verdict.Value = new CodeableConcept(ChestXTerminology.StepVerdict, "probably", "Probably");

        AssertHasError(step, "probably");
    }

    [Fact]
    public void GivenAFindingWithoutTheAiAssertedLabel_WhenValidated_ThenAnErrorIsReported()
    {
        var finding = _resources.Findings[0];
        finding.Meta!.Security.Clear();

        AssertHasError(finding, "security");
    }

    [Fact]
    public void GivenAFindingCodedInSnomed_WhenValidated_ThenSnomedIsReportedAsNotCheckedOffline()
    {
        var result = fixture.Validator.Validate(_resources.Findings[0]);
        Log(result);

        Assert.True(result.IsValid);
        Assert.Contains(result.Issues, i => i.Severity == FhirIssueSeverity.Information && i.Message.Contains("http://snomed.info/sct", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAFindingWithAWrongDisplay_WhenValidated_ThenAWarningIsReported()
    {
        var finding = _resources.Findings[0];
        finding.Category[0].Coding[0].Display = "X-ray pictures";

        var result = fixture.Validator.Validate(finding);
        Log(result);

        Assert.Contains(result.Issues, i => i.Severity == FhirIssueSeverity.Warning && i.Message.Contains("X-ray pictures", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAFindingWithStatusFinal_WhenValidated_ThenAnErrorIsReported()
    {
        var finding = _resources.Findings[0];
        finding.Status = ObservationStatus.Final;

        AssertHasError(finding, "status");
    }

    [Fact]
    public void GivenAModelCardWhoseContentTypeIsNotAMimeType_WhenValidated_ThenAnErrorIsReported()
    {
        var card = _resources.ModelCard;
        card.Content[0].Attachment.ContentType = "markdown please";

        AssertHasError(card, "markdown please");
    }

    [Fact]
    public void GivenAProvenanceWithoutTheAiAgent_WhenValidated_ThenAnErrorIsReported()
    {
        var provenance = _resources.Provenance;
        provenance.Agent.RemoveAll(a => a.Who?.Reference?.StartsWith("Device/", StringComparison.Ordinal) == true);

        AssertHasError(provenance, "aiAgent");
    }

    [Fact]
    public void GivenUnknownCodesUnderExtensibleBindings_WhenValidated_ThenErrorsAreReported()
    {
        var finding = _resources.Findings[0];
        finding.Interpretation = [new CodeableConcept(ChestXTerminology.V3ObservationInterpretation, "not-a-category")];
        finding.Meta!.Security.Add(new Coding(ChestXTerminology.V3ObservationValue, "NOT-A-LABEL"));

        var result = fixture.Validator.Validate(finding);
        Log(result);

        // Both sit under extensible bindings, which Firely does not check against their value sets.
        Assert.Contains(result.Errors, i => i.Message.Contains("'not-a-category'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, i => i.Message.Contains("'NOT-A-LABEL'", StringComparison.Ordinal));
    }

    private void AssertHasError(Resource resource, string expectedInMessageOrLocation)
    {
        var result = fixture.Validator.Validate(resource);
        Log(result);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e =>
            e.Message.Contains(expectedInMessageOrLocation, StringComparison.OrdinalIgnoreCase)
            || (e.Location?.Contains(expectedInMessageOrLocation, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    private void Log(FhirValidationResult result)
    {
        foreach (var issue in result.Issues)
        {
            output.WriteLine(issue.ToString());
        }
    }
}
