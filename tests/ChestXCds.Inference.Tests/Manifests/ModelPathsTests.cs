using ChestXCds.Inference.Manifests;

namespace ChestXCds.Inference.Tests.Manifests;

// REQ-INF-03: the models root and manifest resolution rules.
public class ModelPathsTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "repo");

    [Fact]
    public void GivenNothingConfigured_WhenResolvingModelsRoot_ThenItIsSharedModelsNextToTheBaseDirectory() =>
        Assert.Equal(Path.GetFullPath(Path.Combine(Base, "..", "shared", "models")), ModelPaths.ResolveModelsRoot(null, null, null, Base));

    [Fact]
    public void GivenEnvironmentOnly_WhenResolvingModelsRoot_ThenChestxModelsWins() =>
        Assert.Equal("/opt/models", ModelPaths.ResolveModelsRoot(" ", "/opt/models", "/data/shared", Base));

    [Fact]
    public void GivenConfigurationAndEnvironment_WhenResolvingModelsRoot_ThenConfigurationWinsAndRelativeIsTakenAgainstBase() =>
        Assert.Equal(Path.Combine(Base, "weights"), ModelPaths.ResolveModelsRoot("weights", "/opt/models", "/data/shared", Base));

    [Fact]
    public void GivenOnlyChestxShared_WhenResolvingModelsRoot_ThenItsModelsFolder()
    {
        Assert.Equal("/data/shared/models", ModelPaths.ResolveModelsRoot(null, null, "/data/shared", Base));
        Assert.Equal(Path.Combine(Base, "shared", "models"), ModelPaths.ResolveModelsRoot(null, null, "shared", Base));
    }

    // The README's `dotnet run --project src/ChestXCds.Api` starts the process in src/ChestXCds.Api: relative paths are the repository's.
    [Fact]
    public void GivenWorkingDirectoryInsideACheckout_WhenTakingTheBaseDirectory_ThenItIsTheRepositoryRoot()
    {
        using var repository = new TempDirectory();
        File.WriteAllText(repository.File(ModelPaths.RepositoryMarker), string.Empty);
        var project = Directory.CreateDirectory(Path.Combine(repository.Path, "src", "ChestXCds.Api")).FullName;

        Assert.Equal(repository.Path, ModelPaths.BaseDirectory(project, "/nonexistent/app"));
        Assert.Equal(repository.Path, ModelPaths.BaseDirectory("/", Path.Combine(project, "bin", "Release")));
    }

    [Fact]
    public void GivenNoCheckoutAround_WhenTakingTheBaseDirectory_ThenItIsTheWorkingDirectory()
    {
        using var deployment = new TempDirectory();

        Assert.Equal(deployment.Path, ModelPaths.BaseDirectory(deployment.Path, deployment.Path));
    }

    [Fact]
    public void GivenRelativeAndAbsoluteWeights_WhenResolved_ThenRelativeJoinsTheRootAndAbsoluteStays()
    {
        Assert.Equal("/m/a/model.onnx", ModelPaths.ResolveWeights("a/model.onnx", "/m"));
        Assert.Equal("/x/model.onnx", ModelPaths.ResolveWeights("/x/model.onnx", "/m"));
    }

    [Theory]
    [InlineData("nih-multilabel", false)]
    [InlineData("custom.json", true)]
    [InlineData("models/nih", true)]
    public void GivenManifestSetting_WhenClassified_ThenNameOrPath(string value, bool isPath) =>
        Assert.Equal(isPath, ModelPaths.IsPath(value));

    [Fact]
    public void GivenBareName_WhenResolvingManifest_ThenDirectoriesAreSearchedInOrder()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        File.WriteAllText(second.File("m.json"), "{}");

        Assert.Equal(second.File("m.json"), ModelPaths.ResolveManifest("m", [first.Path, second.Path], Base));
        File.WriteAllText(first.File("m.json"), "{}");
        Assert.Equal(first.File("m.json"), ModelPaths.ResolveManifest("m", [first.Path, second.Path], Base));
    }

    [Fact]
    public void GivenNoManifestDirectoryConfigured_WhenListingDirectories_ThenWorkingModelsThenApplicationModels() =>
        Assert.Equal([Path.Combine(Base, "models"), Path.Combine("/app", "models")], ModelPaths.ManifestDirectories(null, Base, "/app"));

    [Fact]
    public void GivenUnknownName_WhenResolvingManifest_ThenTheMessageListsWhereItLooked()
    {
        var ex = Assert.Throws<ModelLoadException>(() => ModelPaths.ResolveManifest("nope", ["/a", "/b"], Base));

        Assert.Contains("/a/nope.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/b/nope.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMissingPath_WhenResolvingManifest_ThenModelLoadException() =>
        Assert.Throws<ModelLoadException>(() => ModelPaths.ResolveManifest("/nowhere/m.json", [], Base));

    [Fact]
    public void GivenApplicationDirectory_WhenBuilt_ThenTheRepositoryManifestsAreCopiedBesideIt() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "models", "nih-multilabel.json")));
}
