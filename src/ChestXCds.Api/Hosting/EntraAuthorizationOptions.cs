namespace ChestXCds.Api.Hosting;

/// <summary>
/// What a Microsoft Entra ID caller must have been granted, read from the <c>AzureAd</c> section beside
/// Microsoft.Identity.Web's own settings. A token of the tenant proves who the caller is, not that this API was
/// granted to it: one of these is required (the service refuses to start with an AzureAd section and neither).
/// </summary>
public sealed class EntraAuthorizationOptions
{
    public const string SectionName = "AzureAd";

    /// <summary>
    /// Delegated permissions (the <c>scp</c> claim of a user's token), e.g. <c>CdsHooks.Call</c>; any one suffices.
    /// Default: none.
    /// </summary>
    public List<string> RequiredScopes { get; set; } = [];

    /// <summary>
    /// App roles (the <c>roles</c> claim, e.g. of an application's client-credentials token), e.g. <c>CdsHooks.Caller</c>;
    /// any one suffices. Default: none.
    /// </summary>
    public List<string> RequiredRoles { get; set; } = [];
}
