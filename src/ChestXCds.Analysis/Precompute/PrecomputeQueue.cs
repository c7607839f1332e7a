using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Precompute;

/// <summary>A bounded queue of studies to analyse ahead of hooks; full means "busy", never unbounded memory.</summary>
public sealed class PrecomputeQueue
{
    private readonly Channel<PrecomputeRequest> _channel;

    public PrecomputeQueue(IOptions<AiAnalysisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = options.Value.PrecomputeQueueCapacity;
        _channel = Channel.CreateBounded<PrecomputeRequest>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>How many studies the queue holds.</summary>
    public int Capacity { get; }

    /// <summary>Studies waiting.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Queues the study; false when the queue is full.</summary>
    public bool TryEnqueue(PrecomputeRequest request) => _channel.Writer.TryWrite(request);

    internal IAsyncEnumerable<PrecomputeRequest> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
