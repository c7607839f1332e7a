using Microsoft.AspNetCore.Authorization;

namespace ChestXCds.Api.Hosting;

/// <summary>
/// Part of the CDS client policy when Entra ID is on: a CDS client (its JWT already checked against the issuer
/// allow-list) passes; an Entra ID caller needs one of <see cref="EntraAuthorizationOptions.RequiredScopes"/> or
/// <see cref="EntraAuthorizationOptions.RequiredRoles"/> (<see cref="EntraPermissionHandler"/>).
/// </summary>
public sealed class EntraPermissionRequirement : IAuthorizationRequirement;
