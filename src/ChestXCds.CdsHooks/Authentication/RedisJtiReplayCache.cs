using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// The <c>jti</c> replay cache shared by every replica: one Redis <c>SET key 1 NX PX ttl</c> per accepted token, the
/// expiry being what is left of the token's life (plus clock skew), so the first replica to see a token wins and
/// every other refuses it until it expires (CDS Hooks 2.0 §Trusting CDS Clients: "shared by all replicas"). The key is
/// a SHA-256 digest of issuer and jti, of fixed length whatever the token carries. When Redis does not answer the
/// token is refused: an unverifiable replay check fails closed.
/// </summary>
public sealed class RedisJtiReplayCache : IJtiReplayCache, IDisposable
{
    /// <summary>The prefix of every key this cache writes.</summary>
    public const string KeyPrefix = "chestxcds:jti:";

    private readonly Lazy<Task<ConnectionMultiplexer>> connection;
    private readonly TimeProvider time;
    private readonly ILogger<RedisJtiReplayCache> logger;

    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. "redis:6379,password=…".</param>
    public RedisJtiReplayCache(string configuration, TimeProvider time, ILogger<RedisJtiReplayCache> logger)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start even while Redis is still coming up; until it answers, tokens are refused (see TryRegisterAsync) at once
        // rather than after the command timeout: no queueing of commands while disconnected.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(options));
        this.time = time;
        this.logger = logger;
    }

    public async ValueTask<bool> TryRegisterAsync(string issuer, string jti, DateTimeOffset forgetAfter, CancellationToken cancellationToken)
    {
        var remaining = forgetAfter - time.GetUtcNow();
        // Redis refuses a zero expiry; a token past forgetAfter is already refused by its exp.
        var expiry = remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1);
        try
        {
            var redis = await connection.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await redis.GetDatabase()
                .StringSetAsync(Key(issuer, jti), 1, expiry, When.NotExists, CommandFlags.DemandMaster)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.ReplayStoreUnavailable(logger, ex.GetType().Name);
            return false;
        }
    }

    public void Dispose()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            connection.Value.Result.Dispose();
        }
    }

    private static string Key(string issuer, string jti) =>
        KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issuer + "\n" + jti)));
}
