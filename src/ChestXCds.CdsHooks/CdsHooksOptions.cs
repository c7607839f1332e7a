using System.ComponentModel.DataAnnotations;

namespace ChestXCds.CdsHooks;

/// <summary>Protocol limits, bound from the <c>CdsHooks</c> section.</summary>
public sealed class CdsHooksOptions
{
    public const string SectionName = "CdsHooks";

    /// <summary>Largest accepted request body, in bytes; larger bodies get 413. Default 5 MB (5242880).</summary>
    [Range(1024, 268435456)]
    public long MaxRequestBodyBytes { get; set; } = 5 * 1024 * 1024;
}
