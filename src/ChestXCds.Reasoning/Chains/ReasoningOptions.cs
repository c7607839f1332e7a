using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Reasoning.Chains;

/// <summary>How reasoning chains are built. Section "ChestX:Reasoning".</summary>
public sealed class ReasoningOptions
{
    public const string SectionName = "ChestX:Reasoning";

    /// <summary>Most prior reports quoted per chain, most recent first (count; default 3).</summary>
    [Range(0, 20)]
    public int MaxPriorReportsPerChain { get; set; } = 3;

    /// <summary>
    /// Confidence added when the most recent prior report agrees with the image (0..1; default 0.1),
    /// and taken away when it disagrees without a temporal explanation.
    /// </summary>
    [Range(0.0, 0.5)]
    public double PriorAgreementWeight { get; set; } = 0.1;
}
