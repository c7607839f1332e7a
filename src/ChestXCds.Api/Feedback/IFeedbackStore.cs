namespace ChestXCds.Api.Feedback;

/// <summary>Durable store of card feedback.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores the records of one feedback call together (all or none).</summary>
    Task SaveAsync(IReadOnlyList<FeedbackRecord> records, CancellationToken cancellationToken);

    /// <summary>The newest records first (for reports and tests).</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Whether the store can be written (readiness).</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
