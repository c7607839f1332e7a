using ChestXCds.Analysis.Analyzing;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.CdsHooks.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Cards;

/// <summary>
/// The AI card: for a chest imaging order, or at patient-view, the analysis of the patient's latest chest radiograph
/// (<see cref="StudyAnalysisPipeline"/>), with the duplicate-exposure note when the order repeats a recent study; or,
/// when the analysis is not ready by the hook's deadline, a "pending" card. It says nothing when there is no chest
/// study or the analysis failed: the FHIR-only cards still speak, and <see cref="CardMerger"/> composes the two.
/// </summary>
public sealed class AiAnalysisCardSource(
    StudyAnalysisPipeline pipeline,
    IOptionsMonitor<AnalysisOptions> analysisOptions,
    IOptionsMonitor<AiAnalysisOptions> aiOptions,
    ILogger<AiAnalysisCardSource> logger) : ICardSource
{
    public string Name => "chest-ai-analysis";

    public async Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, HookDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(deadline);
        var ai = aiOptions.CurrentValue;
        var isOrder = context.Request.Hook is HookIds.OrderSign or HookIds.OrderSelect;
        if (!ai.Enabled || (isOrder && context.ChestImagingOrders.Count == 0) || !(isOrder || context.Request.Hook == HookIds.PatientView))
        {
            return [];
        }

        var settings = analysisOptions.CurrentValue;
        if (context.ChestStudiesWithin(TimeSpan.FromDays(settings.LatestStudyLookBackDays)) is not [var latest, ..])
        {
            return [];
        }

        PipelineResult result;
        try
        {
            result = await pipeline.AnalyzeAsync(latest, context, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            result = PipelineResult.Pending;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !deadline.RequestAborted.IsCancellationRequested)
        {
            Log.NoAiCard(logger, "the analysis failed (" + ex.GetType().Name + ")");
            return [];
        }

        switch (result.Outcome)
        {
            case PipelineOutcome.Ready:
                var duplicate = isOrder && latest.Started >= context.Now.AddHours(-settings.DuplicateLookBackHours) ? latest : null;
                return [AiCardComposer.Analysis(new AiCardInput(result.Suggestion!.Analysis, latest, result.Suggestion.Resources, duplicate, ai, context.Now))];
            case PipelineOutcome.Pending:
                AnalysisTelemetry.PendingAnswers.Add(1);
                Log.AnalysisPending(logger, (int)deadline.Budget.TotalMilliseconds);
                return [AiCardComposer.Pending(latest, context.Now)];
            case PipelineOutcome.ImagingNotAllowed:
                Log.NoAiCard(logger, result.Reason!);
                return [AiCardComposer.ImagingUnavailable(latest, context.Now)];
            default:
                Log.NoAiCard(logger, result.Reason ?? "no analysis");
                return [];
        }
    }
}
