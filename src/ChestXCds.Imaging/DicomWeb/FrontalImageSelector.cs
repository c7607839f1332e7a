using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.DicomWeb;

/// <summary>
/// Picks the frontal chest radiograph of a study: Modality CR or DX, BodyPartExamined CHEST (or
/// THORAX) where present, ViewPosition PA before AP before unstated; lateral and other views are
/// ranked last and never chosen, since the models read frontal films only.
/// </summary>
public static class FrontalImageSelector
{
    private static readonly HashSet<string> Radiography = new(StringComparer.OrdinalIgnoreCase) { "CR", "DX" };

    private static readonly HashSet<string> ChestBodyParts = new(StringComparer.OrdinalIgnoreCase) { "CHEST", "THORAX", "LUNG" };

    // PS3.3 C.8.11.5 / C.8.19.2 Defined Terms for View Position.
    private static readonly HashSet<string> Lateral = new(StringComparer.OrdinalIgnoreCase) { "LL", "RL", "LAT", "LATERAL", "LLD", "RLD", "LLO", "RLO" };

    /// <exception cref="NoSuitableImageException">No instance fits; the message lists why each kind was refused.</exception>
    public static DicomInstanceSummary Choose(IReadOnlyList<DicomInstanceSummary> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count == 0)
        {
            throw new NoSuitableImageException("The study has no instances.");
        }

        var refused = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var candidates = new List<(DicomInstanceSummary Instance, int Rank, int Order)>();
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            var reason = RefusalReason(instance);
            if (reason is null)
            {
                candidates.Add((instance, Rank(instance.ViewPosition), i));
            }
            else
            {
                refused[reason] = refused.GetValueOrDefault(reason) + 1;
            }
        }

        if (candidates.Count == 0)
        {
            var reasons = string.Join("; ", refused.Select(r => $"{r.Value} {(r.Value == 1 ? "instance" : "instances")}: {r.Key}"));
            throw new NoSuitableImageException($"No frontal chest radiograph (CR or DX, PA or AP) among {instances.Count} instances ({reasons}).");
        }

        return candidates
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.Instance.InstanceNumber ?? int.MaxValue)
            .ThenBy(c => c.Order)
            .First().Instance;
    }

    private static string? RefusalReason(DicomInstanceSummary instance)
    {
        if (instance.Modality is null || !Radiography.Contains(instance.Modality))
        {
            return $"modality {instance.Modality ?? "absent"} is not CR or DX";
        }

        if (!string.IsNullOrWhiteSpace(instance.BodyPartExamined) && !ChestBodyParts.Contains(instance.BodyPartExamined.Trim()))
        {
            return $"body part {instance.BodyPartExamined} is not CHEST";
        }

        return Rank(instance.ViewPosition) == 3 ? $"view {instance.ViewPosition} is not frontal" : null;
    }

    private static int Rank(string? viewPosition) => viewPosition?.Trim().ToUpperInvariant() switch
    {
        "PA" => 0,
        "AP" => 1,
        null or "" => 2,
        var view when Lateral.Contains(view) => 3,
        _ => 3,
    };
}
