namespace ChestXCds.Analysis.Analyzing;

/// <summary>An analysis that is either already known (cached) or still running.</summary>
public sealed class AnalysisTicket
{
    private AnalysisTicket(Task<ImageFindings> task, bool fromCache, bool busy = false)
    {
        Task = task;
        FromCache = fromCache;
        Busy = busy;
    }

    /// <summary>No analysis was started: too many are already running or waiting (<see cref="AiAnalysisOptions.MaxPendingAnalyses"/>).</summary>
    public bool Busy { get; }

    /// <summary>A ticket for an analysis that was not started because the service is busy; its task never completes.</summary>
    public static AnalysisTicket NotStarted { get; } = new(new TaskCompletionSource<ImageFindings>().Task, false, busy: true);

    /// <summary>Completes with the findings, or faults with the reason the analysis failed.</summary>
    public Task<ImageFindings> Task { get; }

    /// <summary>True when the findings came from the cache.</summary>
    public bool FromCache { get; }

    public static AnalysisTicket Cached(ImageFindings findings) => new(System.Threading.Tasks.Task.FromResult(findings), true);

    public static AnalysisTicket Running(Task<ImageFindings> task) => new(task, false);

    /// <summary>Waits up to <paramref name="budget"/>; null when the analysis is still running then.</summary>
    /// <exception cref="Exception">The analysis failed (the original exception).</exception>
    public async Task<ImageFindings?> WaitAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        if (Task.IsCompleted)
        {
            return await Task.ConfigureAwait(false);
        }

        try
        {
            return await Task.WaitAsync(budget, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
