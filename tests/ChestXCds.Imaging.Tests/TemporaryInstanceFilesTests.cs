namespace ChestXCds.Imaging.Tests;

/// <summary>REQ-SEC-05: instance files a crashed run left behind are removed at the next start; a decode in progress is not touched.</summary>
public sealed class TemporaryInstanceFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chestx-temp-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GivenAnOldInstanceFileAndAFreshOne_WhenStaleFilesAreDeleted_ThenOnlyTheOldOneGoes()
    {
        var old = TemporaryInstanceFiles.NewPath(_folder);
        var fresh = TemporaryInstanceFiles.NewPath(_folder);
        var other = Path.Combine(_folder, "someone-elses.dcm");
        foreach (var file in new[] { old, fresh, other })
        {
            File.WriteAllBytes(file, [1, 2, 3]);
        }

        var now = DateTimeOffset.UtcNow;
        File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddHours(-2));
        File.SetLastWriteTimeUtc(other, now.UtcDateTime.AddHours(-2));

        var removed = TemporaryInstanceFiles.DeleteStale(_folder, TimeSpan.FromHours(1), now);

        Assert.Equal(1, removed);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(other));
    }
}
