using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Precompute;
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
    /// The hook flow (<see cref="CdsHookHandler"/>), context resolution, study selection (with the DICOM header check of
    /// radiographs whose metadata names no body part, <see cref="StudyBodyPartResolver"/>), the chest imaging order
    /// catalog, the card sources (the FHIR-only cards and the AI card, composed by <see cref="CardMerger"/>), and the
    /// analysis pipeline with its image findings cache (in-memory, or Redis when <c>Analysis:Ai:RedisConfiguration</c>
    /// is set) and precompute queue. Also adds what it builds on: the protocol, FHIR, Imaging, Inference and Reasoning.
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
            .Validate(o => o.HookBudgetMilliseconds is >= 1 and <= 600_000, "Analysis:HookBudgetMilliseconds must be 1-600000.")
            .Validate(o => o.DicomBodyPartChecks is >= 0 and <= 10, "Analysis:DicomBodyPartChecks must be 0-10.")
            .Validate(o => o.DicomBodyPartWaitMilliseconds is >= 1 and <= 600_000, "Analysis:DicomBodyPartWaitMilliseconds must be 1-600000.")
            .Validate(o => o.DicomBodyPartCacheMinutes is >= 0 and <= 10_080, "Analysis:DicomBodyPartCacheMinutes must be 0-10080.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ChestImagingOrderCatalog.Default);
        services.TryAddSingleton<StudySelector>();
        services.TryAddSingleton<StudyBodyPartCache>();
        services.TryAddSingleton<StudyBodyPartResolver>();
        services.TryAddSingleton<PatientContextResolver>();
        services.TryAddSingleton<CdsHookHandler>();
        services.TryAddSingleton<HookWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<HookWarmup>());

        // Card sources, asked in this order; CardMerger composes their cards.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSource, PriorChestImagingCardSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSource, AiAnalysisCardSource>());
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
        services.TryAddSingleton<SuggestionBuilder>();
        services.TryAddSingleton<SuggestionCache>();
        services.TryAddSingleton<StudyAnalysisPipeline>();
    }
}
