namespace ChestXCds.CdsHooks.Authentication;

/// <summary>Names of the CDS client authentication scheme and policy.</summary>
public static class CdsClientAuthenticationDefaults
{
    public const string AuthenticationScheme = "CdsClientJwt";

    /// <summary>The authorization policy every /cds-services endpoint requires.</summary>
    public const string Policy = "CdsClient";
}
