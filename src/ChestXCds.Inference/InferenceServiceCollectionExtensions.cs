using ChestXCds.Http;
using ChestXCds.Inference.KServe;
using ChestXCds.Inference.Manifests;
using ChestXCds.Inference.Onnx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChestXCds.Inference;

public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFindingClassifier"/> (the manifest's model on ONNX Runtime or a KServe v2
    /// server, micro-batched), the <see cref="ModelManifest"/>, a start-up warm-up and the "inference"
    /// readiness health check (tag "ready"). Options come from the <c>Inference</c> section of
    /// <paramref name="configuration"/>.
    /// </summary>
    public static IServiceCollection AddChestXInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
            var baseDirectory = ModelPaths.BaseDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            var path = ModelPaths.ResolveManifest(
                options.Manifest,
                ModelPaths.ManifestDirectories(options.ManifestDirectory, baseDirectory, AppContext.BaseDirectory),
                baseDirectory);
            return ManifestLoader.Load(path);
        });

        services.AddHttpClient<KServeClient>((sp, client) =>
            {
                var kserve = sp.GetRequiredService<IOptions<InferenceOptions>>().Value.KServe;
                if (kserve.BaseUrl is { } baseUrl)
                {
                    // A trailing slash keeps a path prefix (e.g. a KServe ingress) when the relative v2/... paths are appended.
                    client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                }

                // The resilience pipeline owns the timeouts.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .UseOutboundPrimaryHandler()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                var kserve = sp.GetRequiredService<IOptions<InferenceOptions>>().Value.KServe;
                var attempt = TimeSpan.FromSeconds(kserve.AttemptTimeoutSeconds);
                resilience.AttemptTimeout.Timeout = attempt;
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(Math.Max(kserve.TotalTimeoutSeconds, kserve.AttemptTimeoutSeconds));

                // The circuit breaker's sampling window must be at least twice the attempt timeout, or its validator refuses to start.
                if (resilience.CircuitBreaker.SamplingDuration < attempt * 2)
                {
                    resilience.CircuitBreaker.SamplingDuration = attempt * 2;
                }
            });

        services.AddSingleton<IInferenceBackend>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
            var manifest = sp.GetRequiredService<ModelManifest>();
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger("ChestXCds.Inference") ?? NullLogger.Instance;
            if (options.Backend == InferenceBackendKind.KServe)
            {
                return new KServeInferenceBackend(sp.GetRequiredService<KServeClient>(), manifest, options.KServe, logger);
            }

            var modelsRoot = ModelPaths.ResolveModelsRoot(
                options.ModelsRoot,
                Environment.GetEnvironmentVariable(ModelPaths.ModelsRootVariable),
                Environment.GetEnvironmentVariable(ModelPaths.SharedVariable),
                ModelPaths.BaseDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory));
            return new OnnxInferenceBackend(manifest, modelsRoot, options.ExecutionProvider, options.CudaDeviceId, logger);
        });

        services.AddSingleton(sp => new FindingClassifier(
            sp.GetRequiredService<ModelManifest>(),
            sp.GetRequiredService<IInferenceBackend>(),
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger("ChestXCds.Inference") ?? NullLogger.Instance,
            sp.GetService<TimeProvider>()));
        services.AddSingleton<IFindingClassifier>(sp => sp.GetRequiredService<FindingClassifier>());
        services.AddHostedService<InferenceWarmupService>();
        services.AddHealthChecks().AddCheck<InferenceHealthCheck>(InferenceHealthCheck.Name, tags: ["ready"]);
        return services;
    }
}
