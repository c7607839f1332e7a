using System.Security.Claims;
using ChestXCds.CdsHooks.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ChestXCds.Api.Hosting;

/// <summary>
/// Decides <see cref="EntraPermissionRequirement"/> the way Microsoft.Identity.Web's RequiredScopeOrAppPermission does:
/// any one accepted scope (<c>scp</c>, space-separated) or app role (<c>roles</c>) is enough. A caller that fails it is
/// authenticated but not authorised, so the answer is 403, not 401: that is the convention of Microsoft.Identity.Web's
/// scope handlers and of RFC 6750 §3.1 (<c>insufficient_scope</c> → 403), and a 401 would send a well-behaved client to
/// fetch a new token that would be refused the same way.
/// </summary>
public sealed class EntraPermissionHandler(IOptionsMonitor<EntraAuthorizationOptions> options) : AuthorizationHandler<EntraPermissionRequirement>
{
    // The claim types of Microsoft.Identity.Web's ClaimConstants, mapped and unmapped.
    private static readonly string[] ScopeClaimTypes = ["scp", "http://schemas.microsoft.com/identity/claims/scope"];
    private static readonly string[] RoleClaimTypes = ["roles", ClaimTypes.Role];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EntraPermissionRequirement requirement)
    {
        if (context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CdsClientAuthenticationDefaults.AuthenticationScheme))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var settings = options.CurrentValue;
        var scopes = Values(context.User, ScopeClaimTypes);
        var roles = Values(context.User, RoleClaimTypes);
        if (scopes.Overlaps(settings.RequiredScopes) || roles.Overlaps(settings.RequiredRoles))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static HashSet<string> Values(ClaimsPrincipal user, string[] claimTypes) =>
        claimTypes.SelectMany(user.FindAll)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
}
