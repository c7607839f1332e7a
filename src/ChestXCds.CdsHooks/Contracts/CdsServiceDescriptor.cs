namespace ChestXCds.CdsHooks.Contracts;

/// <summary>One entry of the discovery response (CDS Hooks 2.0 §Discovery).</summary>
/// <param name="Hook">The hook this service answers.</param>
/// <param name="Id">The {id} of <c>POST /cds-services/{id}</c>.</param>
/// <param name="Title">Human-friendly name.</param>
/// <param name="Description">What the service does.</param>
/// <param name="Prefetch">Prefetch templates by key.</param>
/// <param name="UsageRequirements">What the client must do or grant for the service to work.</param>
public sealed record CdsServiceDescriptor(
    string Hook,
    string Id,
    string Title,
    string Description,
    IReadOnlyDictionary<string, string> Prefetch,
    string? UsageRequirements = null);
