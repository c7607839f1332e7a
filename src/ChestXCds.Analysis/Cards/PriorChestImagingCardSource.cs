using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Cards;

/// <summary>
/// The cards of FHIR data alone. order-sign/order-select: a chest imaging order is being placed and a
/// chest radiograph exists within <see cref="AnalysisOptions.DuplicateLookBackHours"/> → a warning.
/// patient-view: the latest chest radiograph within <see cref="AnalysisOptions.LatestStudyLookBackDays"/> → info.
/// </summary>
public sealed class PriorChestImagingCardSource(StudySelector selector, IOptionsMonitor<AnalysisOptions> options) : ICardSource
{
    public string Name => "prior-chest-imaging";

    public Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        IReadOnlyList<Card> cards = context.Request.Hook switch
        {
            HookIds.OrderSign or HookIds.OrderSelect => DuplicateCheck(context, settings),
            HookIds.PatientView => Latest(context, settings),
            _ => [],
        };
        return Task.FromResult(cards);
    }

    private List<Card> DuplicateCheck(PatientContext context, AnalysisOptions settings)
    {
        if (context.ChestImagingOrders.Count == 0)
        {
            return [];
        }

        var recent = selector.Select(context.ImagingStudies, context.DiagnosticReports, context.Now.AddHours(-settings.DuplicateLookBackHours), context.Now.AddMinutes(5));
        return recent.Count == 0 ? [] : [CardComposer.PriorChestImaging(recent[0], recent.Count, context.ChestImagingOrders, context.Now)];
    }

    private List<Card> Latest(PatientContext context, AnalysisOptions settings)
    {
        var studies = selector.Select(context.ImagingStudies, context.DiagnosticReports, context.Now.AddDays(-settings.LatestStudyLookBackDays), context.Now.AddMinutes(5));
        return studies.Count == 0 ? [] : [CardComposer.LatestChestStudy(studies[0], context.Now)];
    }
}
