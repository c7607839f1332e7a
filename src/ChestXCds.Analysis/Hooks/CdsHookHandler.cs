using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Context;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Analysis.Hooks;

/// <summary>
/// The hook flow: resolve the patient context (prefetch-or-query; 412 when data is unobtainable), ask
/// every <see cref="ICardSource"/> for cards, pass each card through <see cref="CardRules"/>. New card
/// sources (the AI analysis of issue 6) are added by registering another ICardSource; this class
/// does not change.
/// </summary>
public sealed class CdsHookHandler(
    PatientContextResolver resolver,
    IEnumerable<ICardSource> sources,
    ILogger<CdsHookHandler> logger)
{
    public async Task<HookResult> HandleAsync(CdsServiceDescriptor service, CdsHookRequest request, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(service, request, cancellationToken).ConfigureAwait(false);
        if (resolution.Context is not { } context)
        {
            return HookResult.Unavailable(resolution.Unavailable);
        }

        var cards = new List<Card>();
        foreach (var source in sources)
        {
            IReadOnlyList<Card> produced;
            try
            {
                produced = await source.GetCardsAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
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

        Log.HookAnswered(logger, service.Id, cards.Count);
        return HookResult.Cards(new CdsHooksResponse(cards));
    }
}
