using ChestXCds.Analysis.Ai;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks;
using ChestXCds.Fhir;
using ChestXCds.Imaging;
using ChestXCds.Inference;
using ChestXCds.Reasoning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChestXCds.Analysis;

/// <summary>Registers the hook pipeline.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// The hook flow (<see cref="CdsHookHandler"/>, scoped per request), context resolution, study
    /// selection, the chest imaging order catalog and the card sources: the AI analysis card (issue 6),
    /// which falls back to the FHIR-only card, with its image analysis cache (in-memory, or Redis when
    /// <c>Analysis:Ai:RedisConfiguration</c> is set) and precompute queue. Also adds what it builds on:
    /// the protocol, FHIR, Imaging, Inference and Reasoning.
    /// </summary>
    public static IServiceCollection AddChestXAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddChestXCdsHooks();
        services.AddChestXFhir();
        services.AddChestXImaging(configuration);
        services.AddChestXInference(configuration);
        services.AddChestXReasoning();
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName)
            .Validate(o => o.DuplicateLookBackHours is >= 1 and <= 24 * 365, "Analysis:DuplicateLookBackHours must be 1-8760.")
            .Validate(o => o.LatestStudyLookBackDays is >= 1 and <= 36500, "Analysis:LatestStudyLookBackDays must be 1-36500.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ChestImagingOrderCatalog.Default);
        services.TryAddSingleton<StudySelector>();
        services.TryAddScoped<PatientContextResolver>();
        services.TryAddScoped<CdsHookHandler>();

        // Card sources, asked in this order. The AI source answers the FHIR-only card itself when it has no
        // AI result, so that one card, not two, says "recent chest radiograph".
        services.TryAddScoped<PriorChestImagingCardSource>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICardSource, AiAnalysisCardSource>());
        AddAiAnalysis(services, configuration);
        return services;
    }

    private static void AddAiAnalysis(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiAnalysisOptions>().BindConfiguration(AiAnalysisOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.ViewerLaunchUrl is null || o.ViewerLaunchUrl.IsAbsoluteUri, "Analysis:Ai:ViewerLaunchUrl must be an absolute URL.")
            .ValidateOnStart();

        var redis = configuration[AiAnalysisOptions.SectionName + ":" + nameof(AiAnalysisOptions.RedisConfiguration)];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDistributedMemoryCache();
        }
        else
        {
            services.AddStackExchangeRedisCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = "chestxcds:";
            });
        }

        services.TryAddSingleton<IImageFindingsAnalyzer, ImageFindingsAnalyzer>();
        services.TryAddSingleton<ImageFindingsCache>();
        services.TryAddSingleton<AnalysisCoordinator>();
        services.TryAddSingleton<PrecomputeQueue>();
        services.AddHostedService<PrecomputeWorker>();
        services.TryAddSingleton<StudyAnalysisAssembler>();
        services.TryAddSingleton<AnalysisSuggestionCache>();
        services.TryAddSingleton<EndpointCache>();
        services.TryAddScoped<StudyLocationResolver>();
    }
}
