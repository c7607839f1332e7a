using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Precompute;
using ChestXCds.Domain;
using ChestXCds.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Tests.Analyzing;

/// <summary>REQ-ANA-01, REQ-ANA-02: one analysis per study and model version, cached; failures remembered briefly.</summary>
public sealed class AnalysisCoordinatorTests
{
    private static readonly DicomStudyLocation Location = new("1.2.826.0.1.3680043.8.498.1", "http://pacs.example/dicom-web");

    private readonly CountingAnalyzer _analyzer = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly AiAnalysisOptions _options = new() { RetryFailedAfterSeconds = 30 };
    private readonly AnalysisCoordinator _coordinator;

    public AnalysisCoordinatorTests()
    {
        var cache = new ImageFindingsCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), new FixedOptions<AiAnalysisOptions>(_options));
        _coordinator = new AnalysisCoordinator(_analyzer, cache, new FixedOptions<AiAnalysisOptions>(_options), new TestLifetime(), _time, NullLogger<AnalysisCoordinator>.Instance);
    }

    [Fact]
    public async Task GivenConcurrentRequestsForOneStudy_WhenStarted_ThenOneAnalysisRunsAndAllShareIt()
    {
        // REQ-ANA-01
        _analyzer.Gate = new TaskCompletionSource();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _coordinator.GetOrStartAsync(Location, null, CancellationToken.None)));
        _analyzer.Gate.SetResult();

        var results = await Task.WhenAll(tickets.Select(t => t.Task));

        Assert.Equal(1, _analyzer.Calls);
        Assert.All(tickets, t => Assert.False(t.FromCache));
        Assert.All(results, r => Assert.Equal(Location.StudyInstanceUid, r.StudyInstanceUid));
    }

    [Fact]
    public async Task GivenAFinishedAnalysis_WhenAskedAgain_ThenTheCacheAnswersWithoutAnotherRun()
    {
        // REQ-ANA-01
        await (await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None)).Task;

        var again = await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None);

        Assert.True(again.FromCache);
        Assert.Equal(1, _analyzer.Calls);
        Assert.Equal(0.42, (await again.Task).Scores.Single().Probability);
    }

    [Fact]
    public async Task GivenANewModelVersion_WhenAsked_ThenTheOldVersionsResultIsNotUsed()
    {
        // REQ-ANA-01
        await (await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None)).Task;
        _analyzer.Version = "2.0.0";

        var again = await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None);
        await again.Task;

        Assert.False(again.FromCache);
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenAFailedAnalysis_WhenAskedWithinTheRetryWindow_ThenTheFailureIsRememberedAndRetriedAfterIt()
    {
        // REQ-ANA-02
        _analyzer.Failure = new InvalidOperationException("PACS down");
        var first = await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Task);

        var soon = await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => soon.Task);
        Assert.Equal(1, _analyzer.Calls);

        _analyzer.Failure = null;
        _time.Advance(TimeSpan.FromSeconds(31));
        var later = await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None);
        await later.Task;
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenARunningAnalysis_WhenTheHookBudgetIsSpent_ThenTheTicketReportsNotReadyAndTheRunGoesOn()
    {
        // REQ-ANA-02
        _analyzer.Gate = new TaskCompletionSource();
        var ticket = await _coordinator.GetOrStartAsync(Location, null, CancellationToken.None);

        Assert.Null(await ticket.WaitAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));

        _analyzer.Gate.SetResult();
        Assert.NotNull(await ticket.WaitAsync(Timeout.InfiniteTimeSpan, CancellationToken.None));
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
