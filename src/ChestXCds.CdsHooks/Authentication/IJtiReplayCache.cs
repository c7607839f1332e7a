namespace ChestXCds.CdsHooks.Authentication;

/// <summary>
/// The <c>jti</c> replay cache: in process (<see cref="JtiReplayCache"/>), or shared by every replica through Redis
/// (<see cref="RedisJtiReplayCache"/>, when <c>CdsClients:ReplayCacheRedisConfiguration</c> is set).
/// </summary>
public interface IJtiReplayCache
{
    /// <summary>
    /// Records (<paramref name="issuer"/>, <paramref name="jti"/>) until <paramref name="forgetAfter"/> and answers true,
    /// or answers false when it was already recorded and not yet forgotten, or when that cannot be known (the shared
    /// store does not answer): a replay check that cannot be made refuses.
    /// </summary>
    ValueTask<bool> TryRegisterAsync(string issuer, string jti, DateTimeOffset forgetAfter, CancellationToken cancellationToken);
}
