using ChestXCds.Fhir.Imaging;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ChestXCds.Fhir.Tests.Imaging;

public sealed class ImagingStudyLocatorTests
{
    private const string Uid = "1.2.840.113619.2.55.3.1";

    private static ImagingStudy Study(string? identifier = "urn:oid:" + Uid) => new()
    {
        Id = "cxr",
        Status = ImagingStudy.ImagingStudyStatus.Available,
        Subject = new ResourceReference("Patient/p1"),
        Identifier = identifier is null ? [] : [new Identifier("urn:dicom:uid", identifier)],
    };

    private static Endpoint WadoRs(string id, string address, string code = "dicom-wado-rs", Endpoint.EndpointStatus status = Endpoint.EndpointStatus.Active) => new()
    {
        Id = id,
        Status = status,
        ConnectionType = new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type", code),
        Address = address,
        PayloadType = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "any")],
    };

    // REQ-IMG-01: Study UID from urn:dicom:uid with urn:oid: stripped.
    [Theory]
    [InlineData("urn:oid:" + Uid)]
    [InlineData(Uid)]
    public void GivenDicomUidIdentifier_WhenLocated_ThenStudyUidHasNoUrnPrefix(string identifier)
    {
        var location = ImagingStudyLocator.Locate(Study(identifier));

        Assert.NotNull(location);
        Assert.Equal(Uid, location.StudyInstanceUid);
        Assert.Null(location.WadoRsAddress);
    }

    [Fact]
    public void GivenNoDicomUidIdentifier_WhenLocated_ThenNull()
    {
        var study = Study(null);
        study.Identifier.Add(new Identifier("urn:ietf:rfc:3986", "urn:oid:" + Uid));

        Assert.Null(ImagingStudyLocator.Locate(study));
    }

    // REQ-IMG-01: contained Endpoint.
    [Fact]
    public void GivenContainedWadoRsEndpoint_WhenLocated_ThenItsAddressIsReturned()
    {
        var study = Study();
        study.Contained.Add(WadoRs("pacs", "https://pacs.example.org/dicom-web"));
        study.Endpoint.Add(new ResourceReference("#pacs"));

        Assert.Equal("https://pacs.example.org/dicom-web", ImagingStudyLocator.Locate(study)!.WadoRsAddress);
    }

    // REQ-IMG-01: referenced Endpoint on a series, read separately.
    [Theory]
    [InlineData("Endpoint/ep1")]
    [InlineData("Endpoint/ep1/_history/3")]
    [InlineData("https://ehr.example.org/fhir/Endpoint/ep1")]
    public void GivenSeriesEndpointReference_WhenLocatedWithTheReadEndpoint_ThenItsAddressIsReturned(string reference)
    {
        var study = Study();
        study.Series.Add(new ImagingStudy.SeriesComponent
        {
            Uid = "1.2.3.4",
            Modality = new Coding("http://dicom.nema.org/resources/ontology/DCM", "DX"),
            Endpoint = [new ResourceReference(reference)],
        });

        var location = ImagingStudyLocator.Locate(study, [WadoRs("ep1", $"https://pacs/dicom-web/studies/{Uid}")]);

        Assert.Equal($"https://pacs/dicom-web/studies/{Uid}", location!.WadoRsAddress);
    }

    [Fact]
    public void GivenStudyLevelAndSeriesLevelEndpoints_WhenLocated_ThenStudyLevelWins()
    {
        var study = Study();
        study.Contained.Add(WadoRs("a", "https://study-level/dicom-web"));
        study.Contained.Add(WadoRs("b", "https://series-level/dicom-web"));
        study.Endpoint.Add(new ResourceReference("#a"));
        study.Series.Add(new ImagingStudy.SeriesComponent { Uid = "1.2", Modality = new Coding("http://dicom.nema.org/resources/ontology/DCM", "CR"), Endpoint = [new ResourceReference("#b")] });

        Assert.Equal("https://study-level/dicom-web", ImagingStudyLocator.Locate(study)!.WadoRsAddress);
    }

    [Fact]
    public void GivenWadoUriAndOffEndpointsBeforeAWadoRsOne_WhenLocated_ThenOnlyTheUsableWadoRsIsChosen()
    {
        var study = Study();
        study.Contained.Add(WadoRs("uri", "https://pacs/wado", code: "dicom-wado-uri"));
        study.Contained.Add(WadoRs("off", "https://old-pacs/dicom-web", status: Endpoint.EndpointStatus.Off));
        study.Contained.Add(WadoRs("rs", "https://pacs/dicom-web"));
        study.Endpoint.AddRange([new ResourceReference("#uri"), new ResourceReference("#off"), new ResourceReference("#rs")]);

        Assert.Equal("https://pacs/dicom-web", ImagingStudyLocator.Locate(study)!.WadoRsAddress);
    }

    [Fact]
    public void GivenReferencedEndpointThatWasNotRead_WhenLocated_ThenAddressIsNullSoTheDefaultBaseApplies()
    {
        var study = Study();
        study.Endpoint.Add(new ResourceReference("Endpoint/unknown"));

        var location = ImagingStudyLocator.Locate(study, [WadoRs("other", "https://pacs/dicom-web")]);

        Assert.Equal(Uid, location!.StudyInstanceUid);
        Assert.Null(location.WadoRsAddress);
    }

    [Fact]
    public void GivenStudyParsedFromJson_WhenLocated_ThenContainedEndpointIsFound()
    {
        const string json = """
            {"resourceType":"ImagingStudy","id":"s1","status":"available","subject":{"reference":"Patient/p"},
             "contained":[{"resourceType":"Endpoint","id":"e","status":"active",
               "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
               "payloadType":[{"text":"DICOM"}],"address":"http://orthanc:8042/dicom-web"}],
             "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.3.4.5"}],
             "endpoint":[{"reference":"#e"}]}
            """;
        var study = new FhirJsonDeserializer().Deserialize<ImagingStudy>(json);

        var location = ImagingStudyLocator.Locate(study);

        Assert.Equal(new ChestXCds.Domain.DicomStudyLocation("1.2.3.4.5", "http://orthanc:8042/dicom-web"), location);
    }

    [Fact]
    public void GivenContainedAndReferencedEndpoints_WhenAskedWhichToRead_ThenOnlyTheReferencedIdsComeOnce()
    {
        var study = Study();
        study.Endpoint = [new ResourceReference("#contained"), new ResourceReference("Endpoint/pacs-1"), new ResourceReference("https://fhir.example.org/r4/Endpoint/pacs-2/_history/3")];
        study.Series = [new ImagingStudy.SeriesComponent { Uid = "1.2.3.4", Endpoint = [new ResourceReference("Endpoint/pacs-1")] }];

        Assert.Equal(["pacs-1", "pacs-2"], ImagingStudyLocator.ReferencedEndpointIds(ChestXCds.Fhir.Translation.StudyRecords.From(study)));
    }
}
