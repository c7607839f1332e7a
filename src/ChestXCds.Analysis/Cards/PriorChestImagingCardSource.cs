using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.CdsHooks.Contracts;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Cards;

/// <summary>
/// The cards of FHIR data alone. order-sign/order-select: a chest imaging order is being placed and a
/// chest radiograph exists within <see cref="AnalysisOptions.DuplicateLookBackHours"/> → a warning.
/// patient-view: the latest chest radiograph within <see cref="AnalysisOptions.LatestStudyLookBackDays"/> → info.
/// </summary>
public sealed class PriorChestImagingCardSource(IOptionsMonitor<AnalysisOptions> options) : ICardSource
{
    public string Name => "prior-chest-imaging";

    public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, HookDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.CurrentValue;
        IReadOnlyList<Card> cards = context.Request.Hook switch
        {
            HookIds.OrderSign or HookIds.OrderSelect when context.ChestImagingOrders.Count > 0 =>
                context.ChestStudiesWithin(TimeSpan.FromHours(settings.DuplicateLookBackHours)) is { Count: > 0 } recent
                    ? [CardComposer.PriorChestImaging(recent[0], recent.Count, context.ChestImagingOrders, context.Now)]
                    : [],
            HookIds.PatientView =>
                context.ChestStudiesWithin(TimeSpan.FromDays(settings.LatestStudyLookBackDays)) is { Count: > 0 } studies
                    ? [CardComposer.LatestChestStudy(studies[0], context.Now)]
                    : [],
            _ => [],
        };
        return Task.FromResult(cards);
    }
}
