using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// The AI card. It takes the place of <see cref="PriorChestImagingCardSource"/> in the hook flow and
/// falls back to that source's card whenever there is no AI result to show: for a chest imaging order,
/// or at patient-view, it analyses the patient's latest chest radiograph (cached per study and model
/// version), reasons over the prior reports, verifies every step and answers one card that carries the
/// findings, the reasoning, the FHIR resources to record and, when the order repeats a recent study, the
/// duplicate-exposure warning. When the analysis is not ready within the hook budget, the hook answers
/// with the duplicate card, else a "pending" card, and the analysis finishes for the next call.
/// </summary>
public sealed class AiAnalysisCardSource(
    PriorChestImagingCardSource fhirOnly,
    StudySelector selector,
    StudyLocationResolver locations,
    AnalysisCoordinator coordinator,
    AnalysisSuggestionCache suggestions,
    IOptionsMonitor<AnalysisOptions> analysisOptions,
    IOptionsMonitor<AiAnalysisOptions> aiOptions,
    ILogger<AiAnalysisCardSource> logger) : ICardSource
{
    public string Name => "chest-ai-analysis";

    public async Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fallback = await fhirOnly.GetCardsAsync(context, cancellationToken).ConfigureAwait(false);
        var ai = aiOptions.CurrentValue;
        var isOrder = context.Request.Hook is HookIds.OrderSign or HookIds.OrderSelect;
        if (!ai.Enabled || (isOrder && context.ChestImagingOrders.Count == 0) || context.Request.Hook is not (HookIds.OrderSign or HookIds.OrderSelect or HookIds.PatientView))
        {
            return fallback;
        }

        var settings = analysisOptions.CurrentValue;
        var studies = selector.Select(context.ImagingStudies, context.DiagnosticReports, context.Now.AddDays(-settings.LatestStudyLookBackDays), context.Now.AddMinutes(5));
        if (studies.Count == 0)
        {
            return fallback;
        }

        var latest = studies[0];
        if (string.IsNullOrEmpty(latest.Study.Id) || (context.Request.Context?.PatientId ?? context.Patient?.Id) is null)
        {
            Log.NoAiCard(logger, "the latest chest study or the patient has no id to reference");
            return fallback;
        }

        var location = await locations.ResolveAsync(latest, context, cancellationToken).ConfigureAwait(false);
        if (location is null)
        {
            Log.NoAiCard(logger, "the latest chest study has no Study Instance UID");
            return fallback;
        }

        ImageFindings? findings;
        try
        {
            var ticket = await coordinator.GetOrStartAsync(location, context.FhirServer?.BearerToken, cancellationToken).ConfigureAwait(false);
            findings = await ticket.WaitAsync(TimeSpan.FromMilliseconds(ai.HookBudgetMilliseconds), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.NoAiCard(logger, "the analysis failed (" + ex.GetType().Name + ")");
            return fallback;
        }

        if (findings is null)
        {
            AnalysisTelemetry.PendingAnswers.Add(1);
            Log.AnalysisPending(logger, ai.HookBudgetMilliseconds);
            // At ordering the duplicate warning is what is known; otherwise say that the analysis is running.
            return isOrder && fallback.Count > 0 ? fallback : [AiCardComposer.Pending(latest, context.Now)];
        }

        var prepared = suggestions.Prepare(findings, latest, context);
        var duplicate = isOrder && latest.Started >= context.Now.AddHours(-settings.DuplicateLookBackHours) ? latest : null;
        return [AiCardComposer.Analysis(new AiCardInput(prepared.Analysis, latest, prepared.Resources, duplicate, ai, context.Now))];
    }
}
