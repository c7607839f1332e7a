using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks;
using ChestXCds.Fhir;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChestXCds.Analysis;

/// <summary>Registers the hook pipeline.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// The hook flow (<see cref="CdsHookHandler"/>, scoped per request), context resolution, study
    /// selection, the chest imaging order catalog and the FHIR-only card source. Also adds the
    /// protocol (<c>AddChestXCdsHooks</c>) and FHIR reading (<c>AddChestXFhir</c>) it builds on.
    /// </summary>
    public static IServiceCollection AddChestXAnalysis(this IServiceCollection services)
    {
        services.AddChestXCdsHooks();
        services.AddChestXFhir();
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName)
            .Validate(o => o.DuplicateLookBackHours is >= 1 and <= 24 * 365, "Analysis:DuplicateLookBackHours must be 1-8760.")
            .Validate(o => o.LatestStudyLookBackDays is >= 1 and <= 36500, "Analysis:LatestStudyLookBackDays must be 1-36500.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ChestImagingOrderCatalog.Default);
        services.TryAddSingleton<StudySelector>();
        services.TryAddScoped<PatientContextResolver>();
        services.TryAddScoped<CdsHookHandler>();

        // Card sources, asked in this order. Issue 6 adds its AI analysis source here.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICardSource, PriorChestImagingCardSource>());
        return services;
    }
}
