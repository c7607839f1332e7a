using ChestXCds.Inference.Manifests;
using ChestXCds.Testing;

namespace ChestXCds.Inference.Tests;

/// <summary>The repository's manifests, and variants of them written to a temporary folder.</summary>
internal static class TestManifests
{
    public static string PathOf(string name) => TestPaths.RepoFile("models", name + ".json");

    public static ModelManifest Load(string name) => ManifestLoader.Load(PathOf(name));

    public static string Json(string name) => File.ReadAllText(PathOf(name));
}
