namespace ChestXCds.Inference.Manifests;

/// <summary>
/// Where weights and manifests are found. The rules, in order:
/// models root = the configured <c>Inference:ModelsRoot</c>, else the environment variable
/// <c>CHESTX_MODELS</c>, else <c>models</c> under the environment variable <c>CHESTX_SHARED</c>, else
/// <c>../shared/models</c>. A relative path is taken against the base directory (<see cref="BaseDirectory"/>):
/// the repository root when the service runs from a checkout, whatever folder it was started in
/// (<c>dotnet run --project src/ChestXCds.Api</c> runs it in the project folder), else the working directory.
/// A manifest given as a path (it ends in .json or holds a directory separator) is taken against the
/// base directory; a bare name N is looked up as N.json in each manifest directory in turn.
/// </summary>
public static class ModelPaths
{
    /// <summary>The environment variable naming the models root.</summary>
    public const string ModelsRootVariable = "CHESTX_MODELS";

    /// <summary>The environment variable naming the shared data folder (whose models/ holds the weights).</summary>
    public const string SharedVariable = "CHESTX_SHARED";

    /// <summary>The models root when neither configuration, CHESTX_MODELS nor CHESTX_SHARED names one.</summary>
    public const string DefaultModelsRoot = "../shared/models";

    /// <summary>The file that marks the repository root.</summary>
    public const string RepositoryMarker = "ChestXCds.sln";

    /// <summary>Resolves the models root to an absolute path.</summary>
    /// <param name="configured">Inference:ModelsRoot, or null.</param>
    /// <param name="modelsEnvironment">The value of CHESTX_MODELS, or null.</param>
    /// <param name="sharedEnvironment">The value of CHESTX_SHARED, or null.</param>
    /// <param name="baseDirectory">What a relative path is taken against (<see cref="BaseDirectory"/>).</param>
    public static string ResolveModelsRoot(string? configured, string? modelsEnvironment, string? sharedEnvironment, string baseDirectory)
    {
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(modelsEnvironment) ? modelsEnvironment
            : !string.IsNullOrWhiteSpace(sharedEnvironment) ? Path.Combine(sharedEnvironment, "models")
            : DefaultModelsRoot;
        return Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(baseDirectory, root));
    }

    /// <summary>
    /// What relative model paths are taken against: the nearest folder at or above
    /// <paramref name="workingDirectory"/>, else above <paramref name="applicationDirectory"/>, that holds
    /// <see cref="RepositoryMarker"/> (a checkout: `dotnet run` starts the process in the project folder,
    /// the README's paths are the repository's); else the working directory (a deployment).
    /// Not the content root.
    /// </summary>
    public static string BaseDirectory(string workingDirectory, string applicationDirectory)
    {
        foreach (var start in new[] { workingDirectory, applicationDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker)))
                {
                    return folder.FullName;
                }
            }
        }

        return Path.GetFullPath(workingDirectory);
    }

    /// <summary>Resolves a weights path from a manifest against the models root.</summary>
    public static string ResolveWeights(string weightsPath, string modelsRoot) =>
        Path.GetFullPath(Path.IsPathRooted(weightsPath) ? weightsPath : Path.Combine(modelsRoot, weightsPath));

    /// <summary>
    /// The manifest directories searched for a bare name: the configured one only, when set; else
    /// models/ under the base directory, then models/ next to the application (the build copies the
    /// repository's manifests there).
    /// </summary>
    public static IReadOnlyList<string> ManifestDirectories(string? configured, string baseDirectory, string applicationDirectory) =>
        !string.IsNullOrWhiteSpace(configured)
            ? [Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(baseDirectory, configured))]
            : [Path.GetFullPath(Path.Combine(baseDirectory, "models")), Path.GetFullPath(Path.Combine(applicationDirectory, "models"))];

    /// <summary>True when <paramref name="manifest"/> is a file path rather than a manifest name.</summary>
    public static bool IsPath(string manifest) =>
        manifest.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || manifest.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || manifest.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Finds the manifest file for a name or path, or throws <see cref="ModelLoadException"/> listing where it looked.</summary>
    public static string ResolveManifest(string manifest, IReadOnlyList<string> manifestDirectories, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(manifest))
        {
            throw new ModelLoadException("No model manifest is configured (Inference:Manifest is empty).");
        }

        if (IsPath(manifest))
        {
            var path = Path.GetFullPath(Path.IsPathRooted(manifest) ? manifest : Path.Combine(baseDirectory, manifest));
            return File.Exists(path) ? path : throw new ModelLoadException($"Model manifest file '{path}' does not exist.");
        }

        var candidates = manifestDirectories.Select(d => Path.Combine(d, manifest + ".json")).ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new ModelLoadException($"No manifest named '{manifest}': looked for {string.Join(", ", candidates)}.");
    }
}
