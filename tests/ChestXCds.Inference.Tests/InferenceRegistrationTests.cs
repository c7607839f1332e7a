using ChestXCds.Inference.KServe;
using ChestXCds.Inference.Manifests;
using ChestXCds.Testing.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChestXCds.Inference.Tests;

// REQ-INF-10: AddChestXInference loads and warms the default model at start and reports readiness with model, version and provider.
public class InferenceRegistrationTests
{
    [Fact]
    public async Task GivenDefaultConfiguration_WhenTheHostStarts_ThenNihMultilabelIsWarmAndReadinessIsHealthy()
    {
        using var host = InferenceHost.Build(new Dictionary<string, string?> { ["Inference:ExecutionProvider"] = "Auto" });
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));
        await host.StartAsync();
        var after = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        var entry = after.Entries[InferenceHealthCheck.Name];
        Assert.Equal("nih-multilabel", entry.Data["model"]);
        Assert.Equal("1.0.0", entry.Data["version"]);
        var classifier = host.Services.GetRequiredService<IFindingClassifier>();
        Assert.Equal(classifier.Model.Provider, entry.Data["provider"]);
        Assert.Contains(classifier.Model.Provider, new[] { "CPU", "CUDA" });
        Assert.Equal(224, classifier.Preprocessing.Width);
        Assert.Equal(host.Services.GetRequiredService<ModelManifest>().Name, classifier.Model.Name);
        await host.StopAsync();
    }

    [Fact]
    public async Task GivenManifestByPath_WhenTheHostStarts_ThenThatModelRuns()
    {
        using var host = InferenceHost.Build(new Dictionary<string, string?>
        {
            ["Inference:Manifest"] = TestManifests.PathOf("squeezenet-pneumonia"),
            ["Inference:ExecutionProvider"] = "Cpu",
        });

        await host.StartAsync();

        var classifier = host.Services.GetRequiredService<IFindingClassifier>();
        Assert.Equal(("squeezenet-pneumonia", "CPU"), (classifier.Model.Name, classifier.Model.Provider));
        await host.StopAsync();
    }

    [Fact]
    public async Task GivenWrongModelsRoot_WhenTheHostStarts_ThenItRefusesWithTheWeightsPath()
    {
        using var dir = new TempDirectory();
        using var host = InferenceHost.Build(new Dictionary<string, string?> { ["Inference:ModelsRoot"] = dir.Path });

        var ex = await Assert.ThrowsAsync<ModelLoadException>(() => host.StartAsync());

        Assert.Contains(Path.Combine(dir.Path, "nih-multilabel", "model.onnx"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenMissingWeightsAndRequireModelAtStartFalse_WhenTheHostStarts_ThenItStartsDegradedAndReadinessSaysWhy()
    {
        using var dir = new TempDirectory();
        using var host = InferenceHost.Build(new Dictionary<string, string?>
        {
            ["Inference:ModelsRoot"] = dir.Path,
            ["Inference:RequireModelAtStart"] = "false",
        });

        await host.StartAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("does not exist", report.Entries[InferenceHealthCheck.Name].Description, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Inference:Backend", "KServe", "BaseUrl must be an absolute http(s) URL")]
    [InlineData("Inference:MaxBatchSize", "0", "MaxBatchSize")]
    [InlineData("Inference:QueueCapacity", "0", "QueueCapacity")]
    public async Task GivenInvalidOptions_WhenTheHostStarts_ThenOptionsValidationNamesTheSetting(string key, string value, string expected)
    {
        using var host = InferenceHost.Build(new Dictionary<string, string?> { [key] = value });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        // The host aggregates start-up validation failures.
        var failures = ex is AggregateException all ? all.InnerExceptions : [ex];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        Assert.Contains(expected, failures[0].Message, StringComparison.Ordinal);
    }

    // REQ-CDS-12: the KServe client lives in a singleton backend: redirects refused, connections recycled instead of the handler.
    [Fact]
    public void GivenKServeRegistration_WhenItsClientIsBuilt_ThenItRefusesRedirectsAndRecyclesConnectionsBehindResilience()
    {
        using var host = InferenceHost.Build(new Dictionary<string, string?>());

        HttpClientRegistration.AssertOutboundPolicy(host.Services, nameof(KServeClient));
    }
}
