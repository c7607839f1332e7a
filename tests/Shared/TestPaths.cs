namespace ChestXCds.Testing;

/// <summary>Where the tests find the repository and the shared data (CHESTX_SHARED, default ../shared).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding ChestXCds.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>CHESTX_SHARED when set, else ../shared next to the repository.</summary>
    public static string Shared
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("CHESTX_SHARED");
            var path = string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.Combine(RepositoryRoot, "..", "shared")
                : Path.IsPathRooted(fromEnvironment) ? fromEnvironment : Path.Combine(RepositoryRoot, fromEnvironment);
            return Path.GetFullPath(path);
        }
    }

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static string RepoFile(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChestXCds.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find ChestXCds.sln above " + AppContext.BaseDirectory);
    }
}
