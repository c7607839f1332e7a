using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Tests.Mapping;
using ChestXCds.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir.Tests.Validation;

[Collection(ValidatorFixture.Collection)]
public sealed class ValidateJsonTests(ValidatorFixture fixture)
{
    // REQ-FHIRMAP-10: a Bundle is validated entry by entry, the same way as a single resource.
    [Fact]
    public void GivenABundleOfMappedResources_WhenValidatedAsJson_ThenOneValidResultPerEntry()
    {
        var resources = new AnalysisMapper(Options.Create(new FhirMappingOptions()))
            .Map(AnalysisSamples.Uncertain(), AnalysisSamples.Context());
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        bundle.Entry.AddRange(resources.All.Select(r => new Bundle.EntryComponent { FullUrl = "urn:uuid:" + r.Id, Resource = r }));

        var results = fixture.Validator.ValidateJson(new FhirJsonSerializer().SerializeToString(bundle));

        Assert.Equal(resources.All.Count, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, string.Join("\n", r.Errors)));
        Assert.StartsWith("Bundle.entry[0] (DocumentReference/", results[0].ResourceLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenJsonWithAnUnknownElement_WhenValidated_ThenTheParseProblemIsAnError()
    {
        var results = fixture.Validator.ValidateJson("""{"resourceType":"Patient","id":"p1","colour":"blue"}""");

        var result = Assert.Single(results);
        Assert.Contains(result.Errors, e => e.Message.Contains("colour", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nope", "not valid JSON")]
    [InlineData("42", "not an object")]
    [InlineData("""{"id":"x"}""", "no \"resourceType\"")]
    [InlineData("""{"resourceType":"Dragon"}""", "not a FHIR R4 resource type")]
    public void GivenInputThatIsNotAFhirResource_WhenValidated_ThenOneFatalIssueSaysWhy(string json, string expected)
    {
        var result = Assert.Single(fixture.Validator.ValidateJson(json));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(FhirIssueSeverity.Fatal, issue.Severity);
        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
    }
}
