namespace ChestXCds.CdsHooks.Authentication;

/// <summary>The <c>jti</c> replay cache.</summary>
public interface IJtiReplayCache
{
    /// <summary>False when this (issuer, jti) was already seen and has not yet been forgotten.</summary>
    bool TryRegister(string issuer, string jti, DateTimeOffset forgetAfter);
}
