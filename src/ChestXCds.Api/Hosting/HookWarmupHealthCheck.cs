using ChestXCds.Analysis.Hooks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChestXCds.Api.Hosting;

/// <summary>Ready only once every hook path has run once (<see cref="HookWarmup"/>), so the first real hook pays no model load or JIT.</summary>
public sealed class HookWarmupHealthCheck(HookWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.Completed ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The hook paths are still warming up."));
}
