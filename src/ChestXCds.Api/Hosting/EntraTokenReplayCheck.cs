using ChestXCds.CdsHooks.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChestXCds.Api.Hosting;

/// <summary>
/// The replay check of Entra ID tokens: once Microsoft.Identity.Web has validated a token, its <c>uti</c> (Entra ID's
/// unique token id; <c>jti</c> where a token carries that instead) goes through the same <see cref="IJtiReplayCache"/>
/// as CDS client tokens, in process or shared through Redis, until the token expires plus the clock skew. A token
/// without either is refused. Consequence: an Entra ID caller needs a fresh token per call, as a CDS client does.
/// </summary>
public static class EntraTokenReplayCheck
{
    /// <summary>Runs after Microsoft.Identity.Web's own OnTokenValidated handlers (the scope-or-role presence check among them).</summary>
    public static void Chain(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events ??= new JwtBearerEvents();
        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context).ConfigureAwait(false);
            if (context.Result is null)
            {
                await CheckAsync(context).ConfigureAwait(false);
            }
        };
    }

    private static async Task CheckAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail("Entra ID token of an unexpected type");
            return;
        }

        var id = token.TryGetPayloadValue<string>("uti", out var uti) && !string.IsNullOrEmpty(uti) ? uti : token.Id;
        if (string.IsNullOrEmpty(id))
        {
            context.Fail("Entra ID token without uti or jti");
            return;
        }

        var cache = context.HttpContext.RequestServices.GetRequiredService<IJtiReplayCache>();
        var forgetAfter = new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + context.Options.TokenValidationParameters.ClockSkew;
        if (!await cache.TryRegisterAsync(token.Issuer, id, forgetAfter, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.Fail("Entra ID token replayed");
        }
    }
}
