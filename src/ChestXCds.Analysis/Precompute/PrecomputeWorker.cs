using ChestXCds.Analysis.Analyzing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Analysis.Precompute;

/// <summary>Takes studies off the <see cref="PrecomputeQueue"/> one at a time and analyses them into the cache.</summary>
public sealed class PrecomputeWorker(PrecomputeQueue queue, AnalysisCoordinator coordinator, ILogger<PrecomputeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var ticket = await coordinator.GetOrStartAsync(request.Location, AnalysisScope.Of(request.Client, request.Location), request.FhirAccessToken, stoppingToken).ConfigureAwait(false);
                if (ticket.Busy)
                {
                    // Hooks have filled the analysis slots; this study is analysed when a hook asks for it.
                    Log.PrecomputeFailed(logger, "busy");
                    continue;
                }

                await ticket.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The coordinator has logged the cause; the queue goes on with the next study.
                Log.PrecomputeFailed(logger, ex.GetType().Name);
            }
        }
    }
}
