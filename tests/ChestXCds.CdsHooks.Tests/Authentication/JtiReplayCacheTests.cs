using ChestXCds.CdsHooks.Authentication;

namespace ChestXCds.CdsHooks.Tests.Authentication;

// REQ-CDS-07: replayed jti refused.
public sealed class JtiReplayCacheTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void GivenSeenJti_WhenRegisteredAgainBeforeExpiry_ThenRefused()
    {
        var time = new ManualTime();
        var cache = new JtiReplayCache(time);

        Assert.True(cache.TryRegister("iss", "j1", time.Now.AddMinutes(5)));
        Assert.False(cache.TryRegister("iss", "j1", time.Now.AddMinutes(5)));
        Assert.True(cache.TryRegister("other-iss", "j1", time.Now.AddMinutes(5)));
    }

    [Fact]
    public void GivenSeenJti_WhenItsTokenHasExpired_ThenForgotten()
    {
        var time = new ManualTime();
        var cache = new JtiReplayCache(time);
        cache.TryRegister("iss", "j1", time.Now.AddMinutes(5));

        time.Now = time.Now.AddMinutes(6);

        Assert.True(cache.TryRegister("iss", "j1", time.Now.AddMinutes(5)));
    }

    [Fact]
    public void GivenConcurrentRegistrations_WhenRaced_ThenExactlyOneWins()
    {
        var cache = new JtiReplayCache(TimeProvider.System);
        var expiry = DateTimeOffset.UtcNow.AddMinutes(5);

        var wins = 0;
        Parallel.For(0, 64, _ =>
        {
            if (cache.TryRegister("iss", "same", expiry))
            {
                Interlocked.Increment(ref wins);
            }
        });

        Assert.Equal(1, wins);
    }

    [Fact]
    public void GivenExpiredEntries_WhenTheSweepIntervalHasPassed_ThenTheyAreRemovedAndLiveOnesKept()
    {
        var time = new ManualTime();
        var cache = new JtiReplayCache(time);
        for (var i = 0; i < 100; i++)
        {
            cache.TryRegister("iss", $"old-{i}", time.Now.AddMinutes(1));
        }

        time.Now = time.Now.AddMinutes(2);
        cache.TryRegister("iss", "live", time.Now.AddMinutes(5));
        Assert.Equal(1, cache.Count);

        // Before the next interval nothing is swept, however many tokens arrive.
        time.Now = time.Now.Add(JtiReplayCache.SweepInterval / 2);
        cache.TryRegister("iss", "short", time.Now.AddSeconds(1));
        time.Now = time.Now.AddSeconds(2);
        cache.TryRegister("iss", "another", time.Now.AddMinutes(5));
        Assert.Equal(3, cache.Count);

        time.Now = time.Now.Add(JtiReplayCache.SweepInterval);
        cache.TryRegister("iss", "last", time.Now.AddMinutes(5));
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryRegister("iss", "live", time.Now.AddMinutes(5)));
    }
}
