using ChestXCds.Domain;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.Tests.DicomWeb;

public sealed class DicomWebAddressTests
{
    private const string Study = "1.2.840.113619.2.1";

    // REQ-IMG-01: base URL or study URL, with or without trailing slash; default when absent.
    [Theory]
    [InlineData("http://pacs:8042/dicom-web", "http://pacs:8042/dicom-web")]
    [InlineData("http://pacs:8042/dicom-web/", "http://pacs:8042/dicom-web")]
    [InlineData("https://pacs.example.org/wado/rs/studies/1.2.840.113619.2.1", "https://pacs.example.org/wado/rs")]
    [InlineData("https://pacs.example.org/wado/rs/studies/1.2.840.113619.2.1/series/1.2.3", "https://pacs.example.org/wado/rs")]
    [InlineData("https://pacs.example.org/wado/rs/studies", "https://pacs.example.org/wado/rs")]
    [InlineData("http://pacs:8042", "http://pacs:8042")]
    public void GivenEndpointAddress_WhenResolved_ThenBaseUrlIsReturned(string address, string expected)
    {
        var resolved = DicomWebAddress.ResolveBase(new DicomStudyLocation(Study, address), "http://default/dicom-web");

        Assert.Equal(expected, resolved.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void GivenNoEndpoint_WhenResolved_ThenTheConfiguredDefaultIsUsed()
    {
        var resolved = DicomWebAddress.ResolveBase(new DicomStudyLocation(Study, null), "http://default:8042/dicom-web/");

        Assert.Equal("http://default:8042/dicom-web", resolved.AbsoluteUri);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("ftp://pacs/dicom-web", null)]
    [InlineData("not a url", null)]
    [InlineData(null, "/relative")]
    public void GivenNoUsableAddress_WhenResolved_ThenInvalidDicomWebAddress(string? address, string? fallback)
    {
        Assert.Throws<InvalidDicomWebAddressException>(() => DicomWebAddress.ResolveBase(new DicomStudyLocation(Study, address), fallback));
    }

    [Theory]
    [InlineData("1.2.3/../../admin")]
    [InlineData("")]
    [InlineData("1..2")]
    [InlineData("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26.27.28.29")]
    public void GivenInvalidStudyUid_WhenResolved_ThenRefusedBeforeItReachesAUrl(string uid)
    {
        Assert.Throws<InvalidDicomWebAddressException>(() => DicomWebAddress.ResolveBase(new DicomStudyLocation(uid, "http://pacs/dicom-web"), null));
    }
}
