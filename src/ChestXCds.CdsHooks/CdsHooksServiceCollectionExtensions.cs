using ChestXCds.CdsHooks.Access;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Validation;
using ChestXCds.Http;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.CdsHooks;

/// <summary>Registers the CDS Hooks protocol services.</summary>
public static class CdsHooksServiceCollectionExtensions
{
    /// <summary>
    /// Validators, <see cref="CdsHooksOptions"/> and <see cref="CdsClientsOptions"/> (validated at start),
    /// the CDS client token validator, the JWKS client and the jti replay cache (in process, or Redis when
    /// <c>CdsClients:ReplayCacheRedisConfiguration</c> is set). The authentication
    /// scheme itself is added by the host (<see cref="CdsClientAuthenticationHandler"/>).
    /// </summary>
    public static IServiceCollection AddChestXCdsHooks(this IServiceCollection services)
    {
        services.AddOptions<CdsHooksOptions>().BindConfiguration(CdsHooksOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CdsClientsOptions>().BindConfiguration(CdsClientsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CdsClientsOptions>, CdsClientsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CdsClientsOptions>, ClientAccessOptionsValidator>());
        services.TryAddSingleton<ClientAccessPolicy>();

        services.TryAddSingleton<IValidator<CdsHookRequest>, CdsHookRequestValidator>();
        services.TryAddSingleton<IValidator<FeedbackRequest>, FeedbackRequestValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJtiReplayCache>(provider =>
        {
            var redis = provider.GetRequiredService<IOptions<CdsClientsOptions>>().Value.ReplayCacheRedisConfiguration;
            var time = provider.GetRequiredService<TimeProvider>();
            return string.IsNullOrWhiteSpace(redis)
                ? new JtiReplayCache(time)
                : new RedisJtiReplayCache(redis, time, provider.GetRequiredService<ILogger<RedisJtiReplayCache>>());
        });
        services.TryAddSingleton<JwksCache>();
        services.TryAddSingleton<CdsClientTokenValidator>();
        services.AddHttpClient<IJwksProvider, JwksProvider>(client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .UseOutboundPrimaryHandler()
            .AddStandardResilienceHandler();
        return services;
    }
}
