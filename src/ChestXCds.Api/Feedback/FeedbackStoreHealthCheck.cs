using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChestXCds.Api.Feedback;

/// <summary>Ready only when the feedback store opens.</summary>
public sealed class FeedbackStoreHealthCheck(IFeedbackStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsReadyAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The feedback store cannot be opened.");
}
