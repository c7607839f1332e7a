using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Hooks;

/// <summary>
/// The hook flow: start the hook's one deadline, resolve the patient context (prefetch-or-query; 412 when data is
/// unobtainable; nothing read for an order that is not chest imaging), ask every <see cref="ICardSource"/> for cards,
/// pass each card through <see cref="CardRules"/>, and compose them with <see cref="CardMerger"/>. A new card source
/// is added by registering another ICardSource; this class does not change.
/// </summary>
public sealed class CdsHookHandler(
    PatientContextResolver resolver,
    IEnumerable<ICardSource> sources,
    IOptionsMonitor<AnalysisOptions> options,
    TimeProvider time,
    ILogger<CdsHookHandler> logger)
{
    /// <param name="client">The calling CDS client's issuer; the analysis results the hook sees are scoped to it.</param>
    public async Task<HookResult> HandleAsync(CdsServiceDescriptor service, CdsHookRequest request, string client, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(service);
        using var deadline = new HookDeadline(TimeSpan.FromMilliseconds(options.CurrentValue.HookBudgetMilliseconds), time, requestAborted);
        var resolution = await resolver.ResolveAsync(service, request, client, deadline.Token).ConfigureAwait(false);
        if (resolution.Context is not { } context)
        {
            if (resolution.Unavailable.Count > 0)
            {
                return HookResult.Unavailable(resolution.Unavailable);
            }

            Log.HookAnswered(logger, service.Id, 0);
            return HookResult.Cards(new CdsHooksResponse([]));
        }

        var cards = new List<Card>();
        foreach (var source in sources)
        {
            IReadOnlyList<Card> produced;
            try
            {
                produced = await source.GetCardsAsync(context, deadline).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !requestAborted.IsCancellationRequested)
            {
                Log.CardSourceFailed(logger, source.Name, ex.GetType().Name);
                continue;
            }

            foreach (var card in produced)
            {
                var normalized = CardRules.Normalize(card);
                var violations = CardRules.Violations(normalized);
                if (violations.Count > 0)
                {
                    Log.CardRejected(logger, source.Name, string.Join("; ", violations));
                    continue;
                }

                cards.Add(normalized);
            }
        }

        var answer = CardMerger.Merge(cards);
        Log.HookAnswered(logger, service.Id, answer.Count);
        return HookResult.Cards(new CdsHooksResponse(answer));
    }
}
