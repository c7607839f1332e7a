using ChestXCds.Cli.Demo;
using ChestXCds.Testing;

namespace ChestXCds.Cli.Tests.Demo;

public sealed class OrthancServerTests
{
    // REQ-IMG-09: a missing package is named with the command that installs it.
    [Theory]
    [InlineData("/nonexistent/Orthanc", null, "orthanc")]
    [InlineData(null, "/nonexistent/libOrthancDicomWeb.so", "orthanc-dicomweb")]
    public async Task GivenMissingOrthancOrPlugin_WhenStarted_ThenTheErrorSaysHowToInstallIt(string? executable, string? plugin, string package)
    {
        var options = new OrthancServerOptions();
        options.ExecutablePath = executable ?? options.ExecutablePath;
        options.DicomWebPluginPath = plugin ?? options.DicomWebPluginPath;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OrthancServer.StartAsync(options));

        Assert.Contains("install-prerequisites.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains($"package {package})", error.Message, StringComparison.Ordinal);
    }

    // REQ-IMG-09: started on loopback with DICOMweb, stores uploads, and leaves nothing behind.
    [Fact]
    public async Task GivenStartedServer_WhenAFileIsUploadedAndTheServerDisposed_ThenQidoSawItAndTheProcessAndStorageAreGone()
    {
        var server = await OrthancServer.StartAsync();
        var storage = server.StorageDirectory;
        var port = server.HttpPort;
        using var http = new HttpClient();

        var id = await server.UploadAsync(TestPaths.SharedFile("data", "dicom", "derived", "nih_00000003_000_hernia_RLE.dcm"));
        var qido = await http.GetStringAsync(new Uri(server.DicomWebBaseAddress.AbsoluteUri + "/studies?StudyInstanceUID=1.2.826.0.1.3680043.8.498.92454714938862906853558983905509384917"));
        await server.DisposeAsync();

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Contains("1.2.826.0.1.3680043.8.498.92454714938862906853558983905509384917", qido, StringComparison.Ordinal);
        Assert.False(Directory.Exists(storage));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/system")));
    }

    [Fact]
    public async Task GivenTextFile_WhenUploaded_ThenOrthancRefusalIsReportedWithTheFileName()
    {
        await using var server = await OrthancServer.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"not-dicom-{Guid.NewGuid():N}.dcm");
        await File.WriteAllTextAsync(path, "not DICOM");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.UploadAsync(path));

            Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
