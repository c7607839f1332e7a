namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The body of <c>GET /cds-services</c>.</summary>
/// <param name="Services">Every service this endpoint offers.</param>
public sealed record CdsServiceDiscoveryResponse(IReadOnlyList<CdsServiceDescriptor> Services);
