using ChestXCds.Analysis;
using ChestXCds.Api.Feedback;
using ChestXCds.CdsHooks.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChestXCds.Api.Hosting;

/// <summary>The Api's own registrations: the hook pipeline, CDS client authentication (+ Entra ID when configured), CORS and the feedback store.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>The policy scheme that routes a token to the CDS client or the Entra ID handler.</summary>
    public const string SelectorScheme = "CdsClientOrEntra";

    /// <summary>The Microsoft.Identity.Web JWT bearer scheme, present only with an <c>AzureAd</c> section.</summary>
    public const string EntraScheme = "AzureAd";

    private const string CorsPolicy = "CdsClients";

    public static WebApplicationBuilder AddChestXApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChestXAnalysis(builder.Configuration);

        services.AddOptions<FeedbackStoreOptions>().BindConfiguration(FeedbackStoreOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Feedback:DatabasePath is required.")
            .ValidateOnStart();
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddHealthChecks()
            .AddCheck<FeedbackStoreHealthCheck>("feedback-store", tags: ["ready"])
            .AddCheck<HookWarmupHealthCheck>("hook-warmup", tags: ["ready"]);

        AddAuthentication(builder);
        AddCors(builder);
        return builder;
    }

    /// <summary>Middleware in order: problem details for unhandled errors, CORS (answers preflight before authentication), authentication, authorization.</summary>
    public static WebApplication UseChestXApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void AddAuthentication(WebApplicationBuilder builder)
    {
        // One Redis for the deployment: the jti replay cache is shared through the analysis cache's Redis unless it is
        // given its own, so replicas behind a load balancer refuse a token any of them has accepted.
        var analysisRedis = builder.Configuration[AiAnalysisOptions.SectionName + ":" + nameof(AiAnalysisOptions.RedisConfiguration)];
        builder.Services.AddOptions<CdsClientsOptions>().PostConfigure(o =>
        {
            if (string.IsNullOrWhiteSpace(o.ReplayCacheRedisConfiguration))
            {
                o.ReplayCacheRedisConfiguration = analysisRedis;
            }
        });

        var entra = builder.Configuration.GetSection(EntraScheme);
        var entraEnabled = entra.Exists() && !string.IsNullOrWhiteSpace(entra["ClientId"]);
        var authentication = builder.Services.AddAuthentication(entraEnabled ? SelectorScheme : CdsClientAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<CdsClientAuthenticationOptions, CdsClientAuthenticationHandler>(CdsClientAuthenticationDefaults.AuthenticationScheme, null);

        if (entraEnabled)
        {
            authentication.AddMicrosoftIdentityWebApi(entra, jwtBearerScheme: EntraScheme);
            authentication.AddPolicyScheme(SelectorScheme, "CDS client or Entra ID", o => o.ForwardDefaultSelector = context =>
                IsEntraToken(context.Request.Headers.Authorization, entra["Instance"]) ? EntraScheme : CdsClientAuthenticationDefaults.AuthenticationScheme);

            // Registered after Microsoft.Identity.Web's own configuration, so the replay check wraps its handlers.
            builder.Services.Configure<JwtBearerOptions>(EntraScheme, EntraTokenReplayCheck.Chain);
            builder.Services.AddOptions<EntraAuthorizationOptions>().BindConfiguration(EntraAuthorizationOptions.SectionName)
                .Validate(
                    o => o.RequiredScopes.Exists(s => !string.IsNullOrWhiteSpace(s)) || o.RequiredRoles.Exists(r => !string.IsNullOrWhiteSpace(r)),
                    "With an AzureAd section, set AzureAd:RequiredScopes or AzureAd:RequiredRoles (e.g. AzureAd:RequiredScopes:0=CdsHooks.Call, "
                    + "AzureAd:RequiredRoles:0=CdsHooks.Caller): any token of the tenant would otherwise be let in.")
                .ValidateOnStart();
            builder.Services.AddSingleton<IAuthorizationHandler, EntraPermissionHandler>();
            builder.Services.AddHostedService<EntraNotice>();
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(CdsClientAuthenticationDefaults.Policy, policy =>
        {
            policy.AddAuthenticationSchemes(entraEnabled ? SelectorScheme : CdsClientAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser();
            if (entraEnabled)
            {
                policy.AddRequirements(new EntraPermissionRequirement());
            }
        });
    }

    /// <summary>Routes by the (not yet verified) issuer: Entra ID issues from its instance or sts.windows.net. The chosen handler verifies everything.</summary>
    private static bool IsEntraToken(string? authorization, string? instance)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string issuer;
        try
        {
            issuer = new JsonWebToken(authorization["Bearer ".Length..].Trim()).Issuer;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var entraInstance = string.IsNullOrWhiteSpace(instance) ? "https://login.microsoftonline.com/" : instance;
        return issuer.StartsWith(entraInstance, StringComparison.OrdinalIgnoreCase)
            || issuer.StartsWith("https://sts.windows.net/", StringComparison.OrdinalIgnoreCase);
    }

    private static void AddCors(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(CdsCorsOptions.SectionName).Get<CdsCorsOptions>() ?? new CdsCorsOptions();
        builder.Services.AddOptions<CdsCorsOptions>().BindConfiguration(CdsCorsOptions.SectionName)
            .Validate(o => o.AllowedOrigins.TrueForAll(origin => origin == "*" || Uri.TryCreate(origin, UriKind.Absolute, out _)), "Cors:AllowedOrigins entries must be absolute origins or *.")
            .ValidateOnStart();
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (settings.AllowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. settings.AllowedOrigins]);
            }

            policy.WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type")
                .SetPreflightMaxAge(TimeSpan.FromSeconds(Math.Max(settings.PreflightMaxAgeSeconds, 0)));
        }));
    }

    private sealed class EntraNotice(ILogger<EntraNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Log.EntraEnabled(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
