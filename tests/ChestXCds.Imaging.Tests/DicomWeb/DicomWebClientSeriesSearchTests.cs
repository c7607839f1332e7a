using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;
using ChestXCds.Imaging.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Imaging.Tests.DicomWeb;

/// <summary>
/// REQ-CDS-13: the QIDO-RS series search that tells a study's body part, against a real Orthanc with its DICOMweb
/// plugin: one request, the attributes asked for by includefield, the size limit and the token rule.
/// </summary>
[Collection(OrthancCollection.Name)]
public sealed class DicomWebClientSeriesSearchTests(OrthancFixture orthanc)
{
    [Fact]
    public async Task GivenTheSiimChestRadiograph_WhenItsSeriesAreSearched_ThenModalityBodyPartAndSeriesDescriptionAreReturned()
    {
        await using var services = ImagingHost.Build();
        var client = services.GetRequiredService<DicomWebClient>();
        var study = new DicomImageReader().Read(SharedDicom.Siim).Attributes.StudyInstanceUid!;

        var series = await client.SearchSeriesAsync(orthanc.Server.DicomWebBaseAddress, study, null, CancellationToken.None);

        Assert.Equal(new DicomSeriesSummary("CR", "CHEST", "view: PA", null), Assert.Single(series));
    }

    [Fact]
    public async Task GivenAStudyWithADescription_WhenItsSeriesAreSearched_ThenTheStudyDescriptionComesWithEachSeries()
    {
        await using var services = ImagingHost.Build();
        var client = services.GetRequiredService<DicomWebClient>();
        var study = new DicomImageReader().Read(SharedDicom.Nih1ExplicitLe).Attributes.StudyInstanceUid!;

        var series = Assert.Single(await client.SearchSeriesAsync(orthanc.Server.DicomWebBaseAddress, study, null, CancellationToken.None));

        Assert.Equal("Cardiomegaly", series.StudyDescription);
        Assert.Equal("DX", series.Modality);
    }

    [Fact]
    public async Task GivenAStudyWithAChestAndAKneeSeries_WhenItsSeriesAreSearched_ThenBothBodyPartsAreReturned()
    {
        await using var services = ImagingHost.Build();
        var client = services.GetRequiredService<DicomWebClient>();

        var series = await client.SearchSeriesAsync(orthanc.Server.DicomWebBaseAddress, OrthancFixture.NoFrontalStudy, null, CancellationToken.None);

        Assert.Equal(["CHEST", "KNEE"], series.Select(s => s.BodyPartExamined!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task GivenAnUnknownStudy_WhenItsSeriesAreSearched_ThenStudyNotFound()
    {
        await using var services = ImagingHost.Build();
        var client = services.GetRequiredService<DicomWebClient>();

        await Assert.ThrowsAsync<StudyNotFoundException>(() => client.SearchSeriesAsync(orthanc.Server.DicomWebBaseAddress, "1.2.3.4.5.6.7.8.9", null, CancellationToken.None));
    }

    [Fact]
    public async Task GivenAUidThatIsNotADicomUid_WhenItsSeriesAreSearched_ThenRefusedBeforeAnyRequest()
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress);
        await using var services = ImagingHost.Build();
        var client = services.GetRequiredService<DicomWebClient>();

        await Assert.ThrowsAsync<InvalidDicomWebAddressException>(() => client.SearchSeriesAsync(proxy.DicomWebBase, "1.2/../../tools", null, CancellationToken.None));

        Assert.Empty(proxy.Requests);
    }

    // The limit holds whether the PACS sends a Content-Length (Orthanc) or streams chunks (the proxy).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GivenAnAnswerLargerThanTheLimit_WhenItsSeriesAreSearched_ThenPacsUnavailable(bool chunked)
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress);
        await using var services = ImagingHost.Build(("MaxQidoResponseBytes", "1024"));
        var client = services.GetRequiredService<DicomWebClient>();
        var baseAddress = chunked ? proxy.DicomWebBase : orthanc.Server.DicomWebBaseAddress;

        var error = await Assert.ThrowsAsync<PacsUnavailableException>(() => client.SearchSeriesAsync(baseAddress, OrthancFixture.MultiViewStudy, null, CancellationToken.None));

        Assert.Contains("more than 1024 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenASeriesSearch_WhenSent_ThenOneRequestAsksForTheBodyPartAttributes()
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress);
        await using var services = ImagingHost.Build();
        var client = services.GetRequiredService<DicomWebClient>();

        await client.SearchSeriesAsync(proxy.DicomWebBase, OrthancFixture.MultiViewStudy, null, CancellationToken.None);

        var path = Assert.Single(proxy.Requests).Path;
        Assert.StartsWith($"/dicom-web/studies/{OrthancFixture.MultiViewStudy}/series?", path, StringComparison.Ordinal);
        Assert.All(["00080060", "00180015", "0008103E", "00081030"], tag => Assert.Contains("includefield=" + tag, path, StringComparison.Ordinal));
    }

    // REQ-IMG-03: the FHIR token goes to the PACS only when configured, as for the instance search.
    [Theory]
    [InlineData(true, "Bearer fhir-token-123")]
    [InlineData(false, null)]
    public async Task GivenForwardTokenSetting_WhenItsSeriesAreSearched_ThenAuthorizationHeaderFollowsIt(bool forward, string? expected)
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress);
        await using var services = ImagingHost.Build(("ForwardFhirAccessToken", forward ? "true" : "false"));
        var client = services.GetRequiredService<DicomWebClient>();

        await client.SearchSeriesAsync(proxy.DicomWebBase, OrthancFixture.MultiViewStudy, "fhir-token-123", CancellationToken.None);

        Assert.Equal(expected, Assert.Single(proxy.Requests).Authorization);
    }
}
