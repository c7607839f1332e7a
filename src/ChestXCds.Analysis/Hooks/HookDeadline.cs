namespace ChestXCds.Analysis.Hooks;

/// <summary>
/// The one deadline of a hook (<see cref="AnalysisOptions.HookBudgetMilliseconds"/> from its start): every wait of the
/// hook (FHIR and Endpoint reads, cache reads, the analysis) ends by it, and the hook answers with what it has.
/// <see cref="Token"/> is cancelled at the deadline or when the caller goes away.
/// </summary>
public sealed class HookDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly TimeProvider _time;
    private readonly long _started;

    public HookDeadline(TimeSpan budget, TimeProvider time, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(time);
        Budget = budget < TimeSpan.Zero ? TimeSpan.Zero : budget;
        _time = time;
        _started = time.GetTimestamp();
        _timer = new CancellationTokenSource(Budget, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, requestAborted);
        RequestAborted = requestAborted;
    }

    /// <summary>The whole hook's budget.</summary>
    public TimeSpan Budget { get; }

    /// <summary>Cancelled at the deadline or when the caller aborts: pass it to every wait.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Cancelled only when the caller aborts (the answer will not be read).</summary>
    public CancellationToken RequestAborted { get; }

    /// <summary>Time left before the deadline; zero once it has passed.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Budget - _time.GetElapsedTime(_started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The deadline passed while the caller is still waiting for the answer.</summary>
    public bool Expired => !RequestAborted.IsCancellationRequested && (_timer.IsCancellationRequested || Remaining == TimeSpan.Zero);

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
