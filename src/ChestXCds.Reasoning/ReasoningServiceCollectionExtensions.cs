using ChestXCds.Http;
using ChestXCds.Reasoning.Chains;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Generative;
using ChestXCds.Reasoning.Labeling;
using ChestXCds.Reasoning.Scoring;
using ChestXCds.Reasoning.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChestXCds.Reasoning;

/// <summary>Registers the Reasoning area: extraction, labelling, chains, verification, RadRScore, optional generative engine.</summary>
public static class ReasoningServiceCollectionExtensions
{
    public static IServiceCollection AddChestXReasoning(this IServiceCollection services)
    {
        services.AddOptions<ReasoningOptions>()
            .BindConfiguration(ReasoningOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<GenerativeEngineOptions>()
            .BindConfiguration(GenerativeEngineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IReportFindingExtractor, ReportFindingExtractor>();
        services.AddSingleton<IStepVerifier, StepVerifier>();
        services.AddSingleton<IReasoningEngine, ReasoningEngine>();
        services.AddSingleton<ReportLabeler>();
        services.AddSingleton<RadRScorer>();

        services.AddHttpClient<IGenerativeReasoningClient, OpenAiCompatibleReasoningClient>((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<GenerativeEngineOptions>>().Value;
                if (options.BaseAddress is not null)
                {
                    client.BaseAddress = options.BaseAddress;
                }

                // The resilience handler's timeouts govern; HttpClient's own must not cut in first.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .UseOutboundPrimaryHandler()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var attempt = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<GenerativeEngineOptions>>().Value.AttemptTimeoutSeconds);
                resilience.AttemptTimeout.Timeout = attempt;
                resilience.TotalRequestTimeout.Timeout = attempt * 3;

                // The circuit breaker's sampling duration must be at least twice the attempt timeout.
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
            });
        services.AddTransient<GenerativeReasoningEngine>();
        return services;
    }
}
