using ChestXCds.Fhir.Translation;
using ChestXCds.Analysis.Orders;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Tests.Orders;

/// <summary>REQ-CDS-06: chest imaging orders are recognised by code from the data file.</summary>
public sealed class ChestImagingOrderCatalogTests
{
    private static ServiceRequest Order(string system, string code) =>
        new() { Code = new CodeableConcept(system, code) };

    [Theory]
    [InlineData("http://www.ama-assn.org/go/cpt", "71045")]
    [InlineData("http://www.ama-assn.org/go/cpt", "71046")]
    [InlineData("http://www.ama-assn.org/go/cpt", "71047")]
    [InlineData("http://www.ama-assn.org/go/cpt", "71048")]
    [InlineData("urn:oid:2.16.840.1.113883.6.12", "71046")]
    [InlineData("http://loinc.org", "36643-5")]
    [InlineData("urn:oid:2.16.840.1.113883.6.1", "36643-5")]
    [InlineData("http://snomed.info/sct", "399208008")]
    public void GivenChestImagingCode_WhenChecked_ThenRecognised(string system, string code) =>
        Assert.True(ChestImagingOrderCatalog.Default.IsChestImagingOrder(OrderRecords.From(Order(system, code))));

    [Theory]
    [InlineData("http://www.ama-assn.org/go/cpt", "70450")]
    [InlineData("http://www.ama-assn.org/go/cpt", "71250")]
    [InlineData("http://loinc.org", "71046")]
    [InlineData("http://snomed.info/sct", "36643-5")]
    public void GivenOtherCode_WhenChecked_ThenNotRecognised(string system, string code) =>
        Assert.False(ChestImagingOrderCatalog.Default.IsChestImagingOrder(OrderRecords.From(Order(system, code))));

    [Fact]
    public void GivenMedicationRequest_WhenChecked_ThenNotAnImagingOrder() =>
        Assert.False(ChestImagingOrderCatalog.Default.IsChestImagingOrder(OrderRecords.From(new MedicationRequest())));

    [Fact]
    public void GivenEmbeddedFile_WhenLoaded_ThenEveryCptChestRadiographCodeIsThere() =>
        Assert.True(ChestImagingOrderCatalog.Default.Count >= 9);

    [Fact]
    public void GivenFileWithCodeMissingSystem_WhenParsed_ThenClearError()
    {
        var error = Assert.Throws<InvalidDataException>(() => ChestImagingOrderCatalog.Parse("""{"codes":[{"code":"71045"}]}"""));

        Assert.Contains("system", error.Message, StringComparison.Ordinal);
    }
}
