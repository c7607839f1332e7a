namespace ChestXCds.Inference.Manifests;

/// <summary>
/// Where weights and manifests are found. The rules, in order:
/// models root = the configured <c>Inference:ModelsRoot</c>, else the environment variable
/// <c>CHESTX_MODELS</c>, else <c>../shared/models</c>; a relative root is taken against the base
/// directory (the working directory in a host: run from the repository root).
/// A manifest given as a path (it ends in .json or holds a directory separator) is taken against the
/// base directory; a bare name N is looked up as N.json in each manifest directory in turn.
/// </summary>
public static class ModelPaths
{
    /// <summary>The environment variable naming the models root.</summary>
    public const string ModelsRootVariable = "CHESTX_MODELS";

    /// <summary>The models root when neither configuration nor CHESTX_MODELS names one.</summary>
    public const string DefaultModelsRoot = "../shared/models";

    /// <summary>Resolves the models root to an absolute path.</summary>
    /// <param name="configured">Inference:ModelsRoot, or null.</param>
    /// <param name="environment">The value of CHESTX_MODELS, or null.</param>
    /// <param name="baseDirectory">What a relative root is taken against.</param>
    public static string ResolveModelsRoot(string? configured, string? environment, string baseDirectory)
    {
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(environment) ? environment
            : DefaultModelsRoot;
        return Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(baseDirectory, root));
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
