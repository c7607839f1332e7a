using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChestXCds.Inference;

/// <summary>
/// Readiness of the model for /health/ready (tag "ready"): healthy once the model has warmed up,
/// with model, version and the execution provider actually in use in the data.
/// </summary>
internal sealed class InferenceHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "inference";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        FindingClassifier classifier;
        try
        {
            // Resolved here, not injected: a model that cannot load (degraded start) must read as "not ready", not break the probe.
            classifier = (FindingClassifier)services.GetService(typeof(FindingClassifier))!;
        }
        catch (Exception ex) when (ex is ModelLoadException or InvalidOperationException or IOException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("model not loaded: " + ex.Message, ex));
        }

        var model = classifier.Model;
        var data = new Dictionary<string, object>
        {
            ["model"] = model.Name,
            ["version"] = model.Version,
            ["provider"] = model.Provider,
        };
        var description = $"{model.Name} {model.Version} on {model.Provider}";
        var result = classifier.IsReady
            ? HealthCheckResult.Healthy(description, data)
            : classifier.WarmUpFailure is { } failure
                ? HealthCheckResult.Unhealthy(description + ": not ready: " + failure.Message, failure, data)
                : HealthCheckResult.Unhealthy(description + ": warming up", data: data);
        return Task.FromResult(result);
    }
}
