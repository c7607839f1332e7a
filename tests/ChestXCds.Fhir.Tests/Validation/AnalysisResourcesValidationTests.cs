using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Tests.Mapping;
using ChestXCds.Fhir.Validation;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChestXCds.Fhir.Tests.Validation;

[Collection(ValidatorFixture.Collection)]
public sealed class AnalysisResourcesValidationTests(ValidatorFixture fixture, ITestOutputHelper output)
{
    private readonly AnalysisMapper _mapper = new(Options.Create(new FhirMappingOptions()));

    public static TheoryData<string, bool, bool, bool> Cases => new()
    {
        { "present", true, true, true },
        { "present", false, true, true },
        { "present", true, false, false },
        { "none", true, true, true },
        { "none", false, false, false },
        { "uncertain", true, true, true },
        { "uncertain", true, false, true },
    };

    // REQ-FHIRMAP-07: every resource the mapper emits validates with zero errors against base R4 and the profiles.
    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAnAnalysis_WhenMappedAndValidated_ThenEveryResourceHasZeroErrors(string kind, bool priors, bool order, bool user)
    {
        var analysis = kind switch
        {
            "present" => AnalysisSamples.FindingsPresent(priors),
            "none" => AnalysisSamples.NoFindings(),
            _ => AnalysisSamples.Uncertain(),
        };
        var resources = _mapper.Map(analysis, AnalysisSamples.Context(order, user, priors ? ["DiagnosticReport/rep-2"] : null));

        var failures = new List<string>();
        foreach (var resource in resources.All)
        {
            var result = fixture.Validator.Validate(resource);
            foreach (var issue in result.Issues)
            {
                output.WriteLine($"{result.ResourceLabel}: {issue}");
            }

            failures.AddRange(result.Errors.Select(e => $"{result.ResourceLabel}: {e}"));
        }

        Assert.Empty(failures);
    }
}
