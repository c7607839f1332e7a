namespace ChestXCds.Testing.Dicom;

/// <summary>
/// Synthetic DICOM files written for a test PACS and deleted with the fixture: one owner of the write-upload-delete
/// steps the Orthanc fixtures share.
/// </summary>
internal sealed class SyntheticUploads : IDisposable
{
    private readonly List<string> _files = [];

    /// <summary>Writes each image to a temporary file and hands it to <paramref name="upload"/>, in order.</summary>
    public async Task UploadAsync(IEnumerable<SyntheticImage> images, Func<string, Task> upload)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(upload);
        foreach (var image in images)
        {
            var path = SyntheticDicom.WriteTemp(image);
            _files.Add(path);
            await upload(path);
        }
    }

    public void Dispose()
    {
        foreach (var path in _files)
        {
            File.Delete(path);
        }

        _files.Clear();
    }
}
