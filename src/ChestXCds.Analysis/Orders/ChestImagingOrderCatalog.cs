using System.Reflection;
using System.Text.Json;
using ChestXCds.Domain.Records;

namespace ChestXCds.Analysis.Orders;

/// <summary>
/// Recognises chest radiograph orders and procedures by code (LOINC, CPT 71045-71048, SNOMED CT). The
/// code list is data (the embedded chest-imaging-order-codes.json), not if-chains, so adding a code is
/// a one-line change there.
/// </summary>
public sealed class ChestImagingOrderCatalog
{
    private const string ResourceName = "ChestXCds.Analysis.Orders.chest-imaging-order-codes.json";

    private readonly HashSet<(string System, string Code)> codes;
    private readonly Dictionary<string, string> aliases;

    private ChestImagingOrderCatalog(HashSet<(string, string)> codes, Dictionary<string, string> aliases)
    {
        this.codes = codes;
        this.aliases = aliases;
    }

    /// <summary>The catalog shipped in the assembly.</summary>
    public static ChestImagingOrderCatalog Default { get; } = LoadEmbedded();

    /// <summary>How many codes are recognised.</summary>
    public int Count => codes.Count;

    /// <summary>Reads a catalog from JSON of the embedded file's shape.</summary>
    public static ChestImagingOrderCatalog Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The chest imaging order code list is empty.");
        var set = new HashSet<(string, string)>();
        foreach (var entry in file.Codes ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.System) || string.IsNullOrWhiteSpace(entry.Code))
            {
                throw new InvalidDataException("Every chest imaging order code needs a system and a code.");
            }

            set.Add((entry.System, entry.Code));
        }

        return new ChestImagingOrderCatalog(set, new Dictionary<string, string>(file.SystemAliases ?? [], StringComparer.Ordinal));
    }

    /// <summary>True when any of <paramref name="codings"/> is a chest imaging code.</summary>
    public bool Matches(IEnumerable<CodedValue> codings) =>
        codings.Any(c => c.System is not null && c.Code is not null && codes.Contains((Canonical(c.System), c.Code.Trim())));

    /// <summary>True when the draft order is a ServiceRequest for chest imaging.</summary>
    public bool IsChestImagingOrder(OrderRecord order) => order.ResourceType == "ServiceRequest" && Matches(order.Codes);

    private string Canonical(string system)
    {
        var trimmed = system.Trim();
        return aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    private static ChestImagingOrderCatalog LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record CatalogFile(List<CodeEntry>? Codes, Dictionary<string, string>? SystemAliases);

    private sealed record CodeEntry(string? System, string? Code, string? Display);
}
