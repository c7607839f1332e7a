using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChestXCds.Inference;

/// <summary>
/// Creates the model session when the host starts (resolving the classifier loads and checks the
/// model) and runs one warm-up inference; a model that cannot load stops the host with its message.
/// </summary>
internal sealed class InferenceWarmupService(IServiceProvider services, IOptions<InferenceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
