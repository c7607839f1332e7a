using ChestXCds.Analysis.Context;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Analysis.Cards;

/// <summary>
/// One producer of cards for a hook. <see cref="Hooks.CdsHookHandler"/> asks every registered source
/// (register with <c>services.TryAddEnumerable(ServiceDescriptor.Scoped&lt;ICardSource, YourSource&gt;())</c>)
/// and passes all cards through the card rules. A source that throws is left out, not the hook.
/// </summary>
public interface ICardSource
{
    /// <summary>A short stable name, for logs.</summary>
    string Name { get; }

    /// <summary>The cards this source has for the hook; empty when it has nothing to say.</summary>
    Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, CancellationToken cancellationToken);
}
