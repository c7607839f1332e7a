using System.Text.Json;
using ChestXCds.Fhir.Reading;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Tests.Reading;

/// <summary>REQ-CDS-03: prefetched resources are read tolerantly; what is not a FHIR resource is refused.</summary>
public sealed class FhirJsonTests
{
    private static Resource? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FhirJson.TryParse(document.RootElement);
    }

    [Fact]
    public void GivenAPrefetchedBundle_WhenParsed_ThenEveryEntryIsRead()
    {
        var bundle = Assert.IsType<Bundle>(Parse("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"DiagnosticReport","id":"r1","status":"final","code":{"text":"CXR"},"conclusion":"Clear lungs.","effectiveDateTime":"2026-10-01T09:00:00Z"}},
              {"resource":{"resourceType":"ImagingStudy","id":"s1","status":"available","subject":{"reference":"Patient/p1"},"started":"2026-11-24T08:00:00+01:00"}}]}
            """));

        var report = Assert.IsType<DiagnosticReport>(bundle.Entry[0].Resource);
        Assert.Equal("Clear lungs.", report.Conclusion);
        Assert.Equal("2026-11-24T08:00:00+01:00", Assert.IsType<ImagingStudy>(bundle.Entry[1].Resource).Started);
    }

    [Fact]
    public void GivenAResourceAnEhrSendsWithoutARequiredElementOrWithUnknownMembers_WhenParsed_ThenItIsStillRead()
    {
        // DiagnosticReport.status and .code are 1..1; an EHR's prefetch may still leave them out. The service reads, it does not store.
        var report = Assert.IsType<DiagnosticReport>(Parse("""
            {"resourceType":"DiagnosticReport","id":"r1","conclusion":"Small left effusion.","vendorExtra":{"a":1}}
            """));

        Assert.Equal("Small left effusion.", report.Conclusion);
    }

    [Fact]
    public void GivenAnElementOfTheWrongShape_WhenParsed_ThenThatElementIsDroppedAndTheRestRead()
    {
        var patient = Assert.IsType<Patient>(Parse("""{"resourceType":"Patient","id":"p1","birthDate":{"not":"a date"},"gender":"female"}"""));

        Assert.Null(patient.BirthDate);
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
    }

    [Theory]
    [InlineData("""{"id":"no-type"}""")]
    [InlineData("""[{"resourceType":"Patient"}]""")]
    [InlineData("""{"resourceType":42}""")]
    public void GivenSomethingThatIsNotARecognisableResource_WhenParsed_ThenNull(string json)
    {
        Assert.Null(Parse(json));
    }
}
