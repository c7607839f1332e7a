using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Analysis.Hooks;

/// <summary>What a hook answers: 200 with cards, or 412 when needed data could not be had.</summary>
/// <param name="Response">The cards (null on 412).</param>
/// <param name="UnavailableKeys">The prefetch keys that could be neither prefetched nor queried.</param>
public sealed record HookResult(CdsHooksResponse? Response, IReadOnlyList<string> UnavailableKeys)
{
    public bool PreconditionFailed => Response is null;

    public static HookResult Cards(CdsHooksResponse response) => new(response, []);

    public static HookResult Unavailable(IReadOnlyList<string> keys) => new(null, keys);
}
