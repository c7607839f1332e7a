using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Precompute;
using ChestXCds.Domain;
using ChestXCds.Imaging.DicomWeb;
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
    private static readonly AnalysisScope Scope = AnalysisScope.Of("https://ehr.example.org", Location);

    private readonly CountingAnalyzer _analyzer = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly AiAnalysisOptions _options = new() { RetryFailedAfterSeconds = 30 };
    private readonly AnalysisCoordinator _coordinator;

    public AnalysisCoordinatorTests()
    {
        var cache = new ImageFindingsCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), new FixedOptions<AiAnalysisOptions>(_options));
        _coordinator = new AnalysisCoordinator(_analyzer, cache, new FixedOptions<AiAnalysisOptions>(_options), Options.Create(new DicomWebOptions()), new TestLifetime(), _time, NullLogger<AnalysisCoordinator>.Instance);
    }

    [Fact]
    public async Task GivenConcurrentRequestsForOneStudy_WhenStarted_ThenOneAnalysisRunsAndAllShareIt()
    {
        // REQ-ANA-01
        _analyzer.Gate = new TaskCompletionSource();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)));
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
        await (await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)).Task;

        var again = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);

        Assert.True(again.FromCache);
        Assert.Equal(1, _analyzer.Calls);
        Assert.Equal(0.42, (await again.Task).Scores.Single().Probability);
    }

    [Fact]
    public async Task GivenANewModelVersion_WhenAsked_ThenTheOldVersionsResultIsNotUsed()
    {
        // REQ-ANA-01
        await (await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)).Task;
        _analyzer.Version = "2.0.0";

        var again = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        await again.Task;

        Assert.False(again.FromCache);
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenAFailedAnalysis_WhenAskedWithinTheRetryWindow_ThenTheFailureIsRememberedAndRetriedAfterIt()
    {
        // REQ-ANA-02
        _analyzer.Failure = new InvalidOperationException("PACS down");
        var first = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Task);

        var soon = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => soon.Task);
        Assert.Equal(1, _analyzer.Calls);

        _analyzer.Failure = null;
        _time.Advance(TimeSpan.FromSeconds(31));
        var later = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        await later.Task;
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenARunningAnalysis_WhenTheHookBudgetIsSpent_ThenTheTicketReportsNotReadyAndTheRunGoesOn()
    {
        // REQ-ANA-02
        _analyzer.Gate = new TaskCompletionSource();
        var ticket = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);

        Assert.Null(await ticket.WaitAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));

        _analyzer.Gate.SetResult();
        Assert.NotNull(await ticket.WaitAsync(Timeout.InfiniteTimeSpan, CancellationToken.None));
    }

    [Fact]
    public async Task GivenAnotherClientAskingForTheSameStudy_WhenStarted_ThenItGetsItsOwnRunNotTheFirstClientsResult()
    {
        // REQ-SEC-01: results are scoped to the calling client; one client never reads another's.
        await (await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)).Task;

        var other = await _coordinator.GetOrStartAsync(Location, AnalysisScope.Of("https://other-ehr.example.org", Location), null, CancellationToken.None);
        await other.Task;

        Assert.False(other.FromCache);
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenTheSameStudyUidAtAnotherPacs_WhenAsked_ThenThePoisonedResultOfThatPacsIsNotServed()
    {
        // REQ-SEC-01: a client that analyses a real patient's Study UID against a PACS it controls poisons only that source.
        var attacker = new DicomStudyLocation(Location.StudyInstanceUid, "http://attacker.example/dicom-web");
        await (await _coordinator.GetOrStartAsync(attacker, AnalysisScope.Of("https://ehr.example.org", attacker), null, CancellationToken.None)).Task;

        var real = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        await real.Task;

        Assert.False(real.FromCache);
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenOneClientsFailure_WhenAnotherClientAsks_ThenItsAnalysisRuns()
    {
        // REQ-SEC-01: the failure memo is scoped as the results are.
        _analyzer.Failure = new InvalidOperationException("PACS refused the token");
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)).Task);
        _analyzer.Failure = null;

        var other = await _coordinator.GetOrStartAsync(Location, AnalysisScope.Of("https://other-ehr.example.org", Location), null, CancellationToken.None);

        Assert.NotNull(await other.Task);
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenTheTokenGoesToThePacs_WhenOneUsersTokenFails_ThenAnotherUsersTokenIsTried()
    {
        // REQ-SEC-01: with ForwardFhirAccessToken the PACS decides per token, so a bad token blocks only itself.
        var cache = new ImageFindingsCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), new FixedOptions<AiAnalysisOptions>(_options));
        using var forwarding = new AnalysisCoordinator(_analyzer, cache, new FixedOptions<AiAnalysisOptions>(_options), Options.Create(new DicomWebOptions { ForwardFhirAccessToken = true }), new TestLifetime(), _time, NullLogger<AnalysisCoordinator>.Instance);
        _analyzer.Failure = new InvalidOperationException("401 from the PACS");
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await forwarding.GetOrStartAsync(Location, Scope, "bad-token", CancellationToken.None)).Task);
        _analyzer.Failure = null;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await forwarding.GetOrStartAsync(Location, Scope, "bad-token", CancellationToken.None)).Task);
        Assert.Equal(1, _analyzer.Calls);
        Assert.NotNull(await (await forwarding.GetOrStartAsync(Location, Scope, "good-token", CancellationToken.None)).Task);
        Assert.Equal(2, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenAnAnalyzerThatAnswersAnotherStudy_WhenRun_ThenRefusedAndNothingCached()
    {
        // REQ-SEC-01: what was analysed must be the study that was asked for.
        _analyzer.AnswerStudyUid = "1.2.3.999";

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)).Task);
        _time.Advance(TimeSpan.FromMinutes(5));
        _analyzer.AnswerStudyUid = null;

        var again = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        Assert.False(again.FromCache);
    }

    [Fact]
    public async Task GivenACacheThatCannotBeWritten_WhenAnAnalysisFinishes_ThenItsCallersStillGetTheFindings()
    {
        // REQ-SEC-04: Redis down must not turn a good analysis into a failure.
        var cache = new ImageFindingsCache(new FailingDistributedCache(), new FixedOptions<AiAnalysisOptions>(_options));
        using var coordinator = new AnalysisCoordinator(_analyzer, cache, new FixedOptions<AiAnalysisOptions>(_options), Options.Create(new DicomWebOptions()), new TestLifetime(), _time, NullLogger<AnalysisCoordinator>.Instance);

        var findings = await (await coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None)).Task;

        Assert.Equal(Location.StudyInstanceUid, findings.StudyInstanceUid);
    }

    [Fact]
    public async Task GivenTooManyAnalysesPending_WhenAnotherStudyIsAsked_ThenNoneIsStartedAndTheTicketSaysBusy()
    {
        // REQ-SEC-04: background analyses are bounded.
        _options.MaxPendingAnalyses = 1;
        _analyzer.Gate = new TaskCompletionSource();
        var first = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);

        var other = new DicomStudyLocation("1.2.826.0.1.3680043.8.498.2", Location.WadoRsAddress);
        var second = await _coordinator.GetOrStartAsync(other, Scope, null, CancellationToken.None);
        var sameAgain = await _coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);

        Assert.True(second.Busy);
        Assert.False(sameAgain.Busy);
        _analyzer.Gate.SetResult();
        await first.Task;
        Assert.Equal(1, _analyzer.Calls);
    }

    [Fact]
    public async Task GivenOneAnalysisSlot_WhenTwoStudiesAreAsked_ThenTheSecondWaitsForTheFirst()
    {
        // REQ-SEC-04: at most MaxConcurrentAnalyses run at once.
        var options = new AiAnalysisOptions { MaxConcurrentAnalyses = 1 };
        var cache = new ImageFindingsCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), new FixedOptions<AiAnalysisOptions>(options));
        using var coordinator = new AnalysisCoordinator(_analyzer, cache, new FixedOptions<AiAnalysisOptions>(options), Options.Create(new DicomWebOptions()), new TestLifetime(), _time, NullLogger<AnalysisCoordinator>.Instance);
        _analyzer.Gate = new TaskCompletionSource();

        var first = await coordinator.GetOrStartAsync(Location, Scope, null, CancellationToken.None);
        var second = await coordinator.GetOrStartAsync(new DicomStudyLocation("1.2.826.0.1.3680043.8.498.2", Location.WadoRsAddress), Scope, null, CancellationToken.None);
        await Task.WhenAny(second.Task, Task.Delay(200));

        Assert.Equal(1, _analyzer.Calls);
        _analyzer.Gate.SetResult();
        await Task.WhenAll(first.Task, second.Task);
        Assert.Equal(2, _analyzer.Calls);
    }

    private sealed class FailingDistributedCache : IDistributedCache
    {
        public byte[]? Get(string key) => null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key)
        {
        }

        public Task RemoveAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new InvalidOperationException("Redis is down");

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
            Task.FromException(new InvalidOperationException("Redis is down"));
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
