namespace ChestXCds.Cli.Demo;

/// <summary>Finds the repository (the folder with ChestXCds.sln) and the shared data beside it.</summary>
public static class RepositoryLocator
{
    /// <summary>The folder above this program (or the current directory) that holds ChestXCds.sln; the current directory when none does.</summary>
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChestXCds.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>CHESTX_SHARED (absolute, or relative to the repository), else ../shared beside the repository.</summary>
    public static string Shared(string repositoryRoot)
    {
        var configured = Environment.GetEnvironmentVariable("CHESTX_SHARED");
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(repositoryRoot, "..", "shared")
            : Path.IsPathRooted(configured) ? configured : Path.Combine(repositoryRoot, configured);
        return Path.GetFullPath(path);
    }
}
