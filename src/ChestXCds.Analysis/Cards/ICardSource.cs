using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Analysis.Cards;

/// <summary>
/// One producer of cards for a hook. <see cref="CdsHookHandler"/> asks every registered source
/// (register with <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;ICardSource, YourSource&gt;())</c>),
/// passes all cards through the card rules and composes them with <see cref="CardMerger"/>. A source that throws is
/// left out, not the hook.
/// </summary>
public interface ICardSource
{
    /// <summary>A short stable name, for logs.</summary>
    string Name { get; }

    /// <summary>The cards this source has for the hook; empty when it has nothing to say. Every wait ends by <paramref name="deadline"/>.</summary>
    Task<IReadOnlyList<Card>> GetCardsAsync(PatientContext context, HookDeadline deadline);
}
