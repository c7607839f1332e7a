namespace ChestXCds.Imaging;

/// <summary>
/// Where a retrieved instance waits for its decode: one file each, named chestx-{guid}.dcm, deleted after the decode.
/// A process that dies mid-decode (a native crash, an OOM kill) leaves its file behind; <see cref="DeleteStale"/>
/// removes such files at the next start.
/// </summary>
public static class TemporaryInstanceFiles
{
    private const string Prefix = "chestx-";
    private const string Extension = ".dcm";

    /// <summary>A new file name in <paramref name="directory"/> (the system temporary folder when null).</summary>
    public static string NewPath(string? directory)
    {
        var folder = directory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Prefix}{Guid.NewGuid():N}{Extension}");
    }

    /// <summary>
    /// Deletes this service's instance files last written before <paramref name="olderThan"/> ago (older than any
    /// decode that could still be running in another process sharing the folder). Returns how many were deleted.
    /// </summary>
    public static int DeleteStale(string? directory, TimeSpan olderThan, DateTimeOffset now)
    {
        var folder = directory ?? Path.GetTempPath();
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, Prefix + "*" + Extension))
        {
            try
            {
                if (now - File.GetLastWriteTimeUtc(file) > olderThan && Path.GetFileNameWithoutExtension(file).Length == Prefix.Length + 32)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use or not ours to delete: left for the next start.
            }
        }

        return deleted;
    }
}
