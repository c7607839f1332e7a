using System.Net;
using System.Net.Sockets;
using ChestXCds.Domain;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;
using ChestXCds.Imaging.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Imaging.Tests.DicomWeb;

/// <summary>Against a real Orthanc with its DICOMweb plugin, loaded with the shared chest radiographs.</summary>
[Collection(OrthancCollection.Name)]
public sealed class ChestImageRetrieverOrthancTests(OrthancFixture orthanc)
{
    public static TheoryData<string> SharedFiles() => new(SharedDicom.All
        .Where(p => !p.EndsWith("txv_Fake_MONOHR1.dcm", StringComparison.Ordinal))
        .Select(p => Path.GetRelativePath(Path.Combine(Testing.TestPaths.Shared, "data", "dicom"), p)));

    // REQ-IMG-02, REQ-IMG-03: QIDO-RS + WADO-RS (transfer-syntax=*) + decode gives the same pixels as the local file, in every transfer syntax.
    [Theory]
    [MemberData(nameof(SharedFiles))]
    public async Task GivenSharedStudyInOrthanc_WhenRetrieved_ThenPixelsAndTransferSyntaxMatchTheLocalFile(string relativePath)
    {
        var path = Path.Combine(Testing.TestPaths.Shared, "data", "dicom", relativePath);
        var local = new DicomImageReader().Read(path);
        await using var services = ImagingHost.Build();
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var retrieved = await retriever.RetrieveAsync(
            new DicomStudyLocation(local.Attributes.StudyInstanceUid!, orthanc.Server.DicomWebBaseAddress.AbsoluteUri), null, CancellationToken.None);

        Assert.Equal(local.Attributes.SopInstanceUid, retrieved.SopInstanceUid);
        Assert.Equal(local.Attributes.SeriesInstanceUid, retrieved.SeriesInstanceUid);
        Assert.Equal(local.Attributes.TransferSyntaxUid, retrieved.Attributes.TransferSyntaxUid);
        Assert.Equal(local.Image.Pixels, retrieved.Image.Pixels);
    }

    // REQ-IMG-02: PA over AP over lateral; CT never.
    [Fact]
    public async Task GivenStudyWithLateralApPaAndCt_WhenRetrieved_ThenThePaRadiographIsChosen()
    {
        await using var services = ImagingHost.Build(("DefaultBaseAddress", orthanc.Server.DicomWebBaseAddress.AbsoluteUri));
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var retrieved = await retriever.RetrieveAsync(new DicomStudyLocation(OrthancFixture.MultiViewStudy, null), null, CancellationToken.None);

        Assert.Equal(OrthancFixture.PaSop, retrieved.SopInstanceUid);
        Assert.Equal("PA", retrieved.Attributes.ViewPosition);
        Assert.Equal(64, retrieved.Image.Width);
    }

    // REQ-SEC-01: a PACS that answers another study's instance is refused; those pixels are never scored as this study.
    [Fact]
    public async Task GivenAPacsThatAnswersAnotherStudysInstance_WhenRetrieved_ThenRefused()
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress, swapStudy: (OrthancFixture.NoFrontalStudy, OrthancFixture.MultiViewStudy));
        await using var services = ImagingHost.Build();
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        await Assert.ThrowsAsync<InstanceMismatchException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation(OrthancFixture.NoFrontalStudy, proxy.DicomWebBase.AbsoluteUri), null, CancellationToken.None));
    }

    // REQ-IMG-02: a clear reason when nothing fits.
    [Fact]
    public async Task GivenStudyWithOnlyLateralAndKnee_WhenRetrieved_ThenNoSuitableImageSaysWhy()
    {
        await using var services = ImagingHost.Build();
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var error = await Assert.ThrowsAsync<NoSuitableImageException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation(OrthancFixture.NoFrontalStudy, orthanc.Server.DicomWebBaseAddress.AbsoluteUri), null, CancellationToken.None));

        Assert.Contains("view RL is not frontal", error.Message, StringComparison.Ordinal);
        Assert.Contains("body part KNEE is not CHEST", error.Message, StringComparison.Ordinal);
    }

    // REQ-IMG-01: Endpoint.address may be a study URL.
    [Fact]
    public async Task GivenEndpointAddressIsAStudyUrl_WhenRetrieved_ThenTheBaseIsDerivedFromIt()
    {
        await using var services = ImagingHost.Build();
        var retriever = services.GetRequiredService<IChestImageRetriever>();
        var studyUrl = $"{orthanc.Server.DicomWebBaseAddress.AbsoluteUri}/studies/{OrthancFixture.MultiViewStudy}";

        var retrieved = await retriever.RetrieveAsync(new DicomStudyLocation(OrthancFixture.MultiViewStudy, studyUrl), null, CancellationToken.None);

        Assert.Equal(OrthancFixture.PaSop, retrieved.SopInstanceUid);
    }

    [Fact]
    public async Task GivenUnknownStudy_WhenRetrieved_ThenStudyNotFound()
    {
        await using var services = ImagingHost.Build();
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var error = await Assert.ThrowsAsync<StudyNotFoundException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation("1.2.3.4.5.6.7.8.9", orthanc.Server.DicomWebBaseAddress.AbsoluteUri), null, CancellationToken.None));

        Assert.Equal("1.2.3.4.5.6.7.8.9", error.StudyInstanceUid);
    }

    // REQ-IMG-06: an instance the PACS stores but that cannot be decoded.
    [Fact]
    public async Task GivenCorruptInstanceInPacs_WhenRetrieved_ThenCorruptInstanceException()
    {
        await using var services = ImagingHost.Build();
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var error = await Assert.ThrowsAsync<CorruptInstanceException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation(OrthancFixture.CorruptStudy, orthanc.Server.DicomWebBaseAddress.AbsoluteUri), null, CancellationToken.None));

        Assert.Contains("1.2.826.0.1.3680043.10.4.3", error.Message, StringComparison.Ordinal);
    }

    // REQ-IMG-03: PACS down.
    [Fact]
    public async Task GivenNothingListensAtTheAddress_WhenRetrieved_ThenPacsUnavailable()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var services = ImagingHost.Build(("MaxRetryAttempts", "1"), ("RetryDelayMilliseconds", "10"));
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var error = await Assert.ThrowsAsync<PacsUnavailableException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation(OrthancFixture.MultiViewStudy, $"http://127.0.0.1:{port}/dicom-web"), null, CancellationToken.None));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    // REQ-IMG-03: a PACS slower than the attempt timeout.
    [Fact]
    public async Task GivenPacsSlowerThanTheAttemptTimeout_WhenRetrieved_ThenPacsUnavailableAfterRetries()
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress, delay: TimeSpan.FromSeconds(20));
        await using var services = ImagingHost.Build(("AttemptTimeoutSeconds", "1"), ("TotalTimeoutSeconds", "10"), ("MaxRetryAttempts", "1"), ("RetryDelayMilliseconds", "10"));
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var error = await Assert.ThrowsAsync<PacsUnavailableException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation(OrthancFixture.MultiViewStudy, proxy.DicomWebBase.AbsoluteUri), null, CancellationToken.None));

        Assert.Contains("did not answer within the timeout", error.Message, StringComparison.Ordinal);
    }

    // REQ-IMG-03: 503 + Retry-After is honoured. The base retry delay (60 s) exceeds the total
    // timeout (20 s), so only a retry after the 1 s the server asks for can succeed.
    [Fact]
    public async Task GivenPacsAnswers503WithRetryAfter_WhenRetrieved_ThenRetriesAfterTheAskedDelayAndSucceeds()
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress, unavailableResponses: 1, retryAfterSeconds: 1);
        await using var services = ImagingHost.Build(("TotalTimeoutSeconds", "20"), ("AttemptTimeoutSeconds", "10"), ("RetryDelayMilliseconds", "60000"), ("MaxRetryAttempts", "2"));
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        var retrieved = await retriever.RetrieveAsync(new DicomStudyLocation(OrthancFixture.MultiViewStudy, proxy.DicomWebBase.AbsoluteUri), null, CancellationToken.None);

        Assert.Equal(OrthancFixture.PaSop, retrieved.SopInstanceUid);
        Assert.Equal([503, 200, 200], proxy.Requests.Select(r => r.Status));
    }

    // REQ-IMG-03: the FHIR token goes to the PACS only when configured.
    [Theory]
    [InlineData(true, "Bearer fhir-token-123")]
    [InlineData(false, null)]
    public async Task GivenForwardTokenSetting_WhenRetrieved_ThenAuthorizationHeaderFollowsIt(bool forward, string? expected)
    {
        await using var proxy = new FaultyPacsProxy(orthanc.Server.BaseAddress);
        await using var services = ImagingHost.Build(("ForwardFhirAccessToken", forward ? "true" : "false"));
        var retriever = services.GetRequiredService<IChestImageRetriever>();

        await retriever.RetrieveAsync(new DicomStudyLocation(OrthancFixture.MultiViewStudy, proxy.DicomWebBase.AbsoluteUri), "fhir-token-123", CancellationToken.None);

        Assert.NotEmpty(proxy.Requests);
        Assert.All(proxy.Requests, r => Assert.Equal(expected, r.Authorization));
    }

    // REQ-IMG-03: the size limit.
    [Fact]
    public async Task GivenInstanceLargerThanTheLimit_WhenRetrieved_ThenInstanceTooLarge()
    {
        await using var services = ImagingHost.Build(("MaxInstanceBytes", "4096"));
        var retriever = services.GetRequiredService<IChestImageRetriever>();
        var rle = new DicomImageReader().Read(SharedDicom.Nih3Rle).Attributes.StudyInstanceUid!;

        await Assert.ThrowsAsync<InstanceTooLargeException>(() => retriever.RetrieveAsync(
            new DicomStudyLocation(rle, orthanc.Server.DicomWebBaseAddress.AbsoluteUri), null, CancellationToken.None));
    }
}
