using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChestXCds.Inference;

/// <summary>
/// Creates the model session when the host starts (resolving the classifier loads and checks the
/// model) and runs one warm-up inference; a model that cannot load stops the host with its message,
/// unless Inference:RequireModelAtStart is false.
/// </summary>
internal sealed class InferenceWarmupService(IServiceProvider services, IOptions<InferenceOptions> options, ILogger<InferenceWarmupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var classifier = (FindingClassifier)services.GetService(typeof(FindingClassifier))!;
            if (options.Value.WarmUp)
            {
                await classifier.WarmUpAsync(cancellationToken);
            }
            else
            {
                await classifier.EnsureReadyAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (!options.Value.RequireModelAtStart && ex is not OperationCanceledException)
        {
            // Degraded start (Inference:RequireModelAtStart=false): readiness reports the failure.
            Log.StartingWithoutModel(logger, ex.GetType().Name, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
