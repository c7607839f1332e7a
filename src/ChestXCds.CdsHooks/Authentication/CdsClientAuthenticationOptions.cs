using Microsoft.AspNetCore.Authentication;

namespace ChestXCds.CdsHooks.Authentication;

/// <summary>Scheme options; the settings live in <see cref="CdsClientsOptions"/>.</summary>
public sealed class CdsClientAuthenticationOptions : AuthenticationSchemeOptions;
