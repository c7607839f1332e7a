using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Precompute;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Tests.Precompute;

/// <summary>REQ-ANA-04: what a precompute call may carry, and the errors that say what is missing.</summary>
public sealed class PrecomputeNotificationTests
{
    private static ImagingStudy Study(string id, string? uid = "1.2.3", string? endpoint = null) => new()
    {
        Id = id,
        Identifier = uid is null ? [] : [new Identifier("urn:dicom:uid", "urn:oid:" + uid)],
        Endpoint = endpoint is null ? [] : [new ResourceReference(endpoint)],
    };

    private static Endpoint Pacs(string id, string address) => new()
    {
        Id = id,
        Status = Endpoint.EndpointStatus.Active,
        ConnectionType = new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "dicom-wado-rs"),
        Address = address,
    };

    [Fact]
    public void GivenAnImagingStudy_WhenRead_ThenItIsQueuedByItsStudyInstanceUid()
    {
        // REQ-ANA-04; REQ-SEC-01: the request records which client asked.
        var (studies, error) = PrecomputeNotification.Read(Study("s1"), "https://ehr.example.org");

        Assert.Null(error);
        var (reference, request) = Assert.Single(studies);
        Assert.Equal("ImagingStudy/s1", reference);
        Assert.Equal("1.2.3", request.Location.StudyInstanceUid);
        Assert.Null(request.Location.WadoRsAddress);
        Assert.Equal("https://ehr.example.org", request.Client);
    }

    [Fact]
    public void GivenASubscriptionNotificationWithTheEndpoint_WhenRead_ThenTheStudyGetsTheEndpointAddress()
    {
        // REQ-ANA-04
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.History,
            Entry =
            [
                new Bundle.EntryComponent { Resource = new Parameters() },
                new Bundle.EntryComponent { Resource = Study("s1", endpoint: "Endpoint/pacs") },
                new Bundle.EntryComponent { Resource = Pacs("pacs", "https://pacs.example.org/dicom-web") },
            ],
        };

        var (studies, error) = PrecomputeNotification.Read(bundle, "https://ehr.example.org");

        Assert.Null(error);
        Assert.Equal("https://pacs.example.org/dicom-web", Assert.Single(studies).Request.Location.WadoRsAddress);
    }

    [Fact]
    public void GivenNoImagingStudy_WhenRead_ThenTheErrorSaysWhatToSend()
    {
        // REQ-ANA-04
        var (studies, error) = PrecomputeNotification.Read(new Bundle { Type = Bundle.BundleType.History, Entry = [new Bundle.EntryComponent { Resource = new Parameters() }] }, "https://ehr.example.org");

        Assert.Empty(studies);
        Assert.Contains("full-resource", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAStudyWithoutAStudyInstanceUid_WhenRead_ThenTheErrorNamesIt()
    {
        // REQ-ANA-04
        var (studies, error) = PrecomputeNotification.Read(Study("s9", uid: null), "https://ehr.example.org");

        Assert.Empty(studies);
        Assert.Contains("ImagingStudy/s9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenSomethingThatIsNotFhir_WhenRead_ThenTheErrorSaysSo()
    {
        // REQ-ANA-04
        var (_, error) = PrecomputeNotification.Read(null, "https://ehr.example.org");

        Assert.Contains("not a FHIR R4 resource", error, StringComparison.Ordinal);
    }
}
