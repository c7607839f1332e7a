namespace ChestXCds.Cli.Tests.Commands;

/// <summary>A scratch folder for one test class's input and output files, deleted on Dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _directory;

    public TempFolder(string prefix) => _directory = Directory.CreateTempSubdirectory(prefix);

    /// <summary>The path of <paramref name="name"/> inside the folder (not created).</summary>
    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
