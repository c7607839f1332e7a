using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Tests.Translation;

/// <summary>REQ-FHIR-03: one reading of a Study Instance UID, whatever the study is read for.</summary>
public sealed class DicomUidsTests
{
    [Theory]
    [InlineData("urn:oid:1.2.840.113619.2.55", "1.2.840.113619.2.55")]
    [InlineData("1.2.840.113619.2.55", "1.2.840.113619.2.55")]
    [InlineData("  URN:OID:1.2.840.113619.2.55 ", "1.2.840.113619.2.55")]
    public void GivenAUidAsEhrsWriteIt_WhenRead_ThenTheBareUid(string value, string expected) =>
        Assert.Equal(expected, DicomUids.From([new Identifier("urn:dicom:uid", value)]));

    [Fact]
    public void GivenOnlyOtherIdentifiers_WhenRead_ThenNull() =>
        Assert.Null(DicomUids.From([new Identifier("urn:ietf:rfc:3986", "urn:oid:1.2.3"), new Identifier("urn:dicom:uid", " ")]));

    [Fact]
    public void GivenAUid_WhenWrittenAndReadBack_ThenTheSame() =>
        Assert.Equal("1.2.3.4", DicomUids.From([DicomUids.ToIdentifier("urn:oid:1.2.3.4")]));

    [Fact]
    public void GivenTheSameStudy_WhenTranslatedForSelectionAndForLocation_ThenOneUid()
    {
        var study = new ImagingStudy { Id = "s1", Identifier = [new Identifier("urn:dicom:uid", " urn:OID:1.2.3.4 ")] };

        Assert.Equal("1.2.3.4", StudyRecords.From(study).StudyInstanceUid);
        Assert.Equal("1.2.3.4", Fhir.Imaging.ImagingStudyLocator.Locate(study)!.StudyInstanceUid);
    }
}
