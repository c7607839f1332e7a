using System.Text;
using System.Text.Json;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Fhir.Mapping;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// The resources of one "Record AI findings" suggestion, serialised once. Where each resource's id (and
/// every reference to it) sits in the bytes is found once, so each hook gets a copy stamped with fresh ids,
/// unique per suggestion as the mapper's are, without mapping and serialising the resources again.
/// </summary>
public sealed class SuggestionResourceTemplate
{
    /// <summary>The mapper's ids are UUIDs ("D" format), so a fresh one has the same length and the bytes only change in place.</summary>
    private const int IdLength = 36;

    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private readonly Entry[] _entries;

    private SuggestionResourceTemplate(Entry[] entries) => _entries = entries;

    /// <summary>How many resources a stamp gives.</summary>
    public int Count => _entries.Length;

    /// <summary>Serialises the mapped resources, in create order, and finds their ids.</summary>
    public static SuggestionResourceTemplate From(AnalysisResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var all = resources.All;
        var ids = new byte[all.Count][];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Id is not { Length: IdLength } id || !Guid.TryParseExact(id, "D", out _))
            {
                throw new ArgumentException($"Resource {i} ({all[i].TypeName}) has no UUID id; the template re-stamps UUIDs only.", nameof(resources));
            }

            ids[i] = Encoding.UTF8.GetBytes(id);
        }

        var entries = new Entry[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(all[i], all[i].GetType(), FhirJson);
            entries[i] = new Entry(all[i].TypeName, i, json, Slots(json, ids));
        }

        return new SuggestionResourceTemplate(entries);
    }

    /// <summary>A copy of every resource with fresh ids, the references between them kept consistent.</summary>
    public IReadOnlyList<ActionResource> Stamp()
    {
        var fresh = new byte[_entries.Length][];
        for (var i = 0; i < fresh.Length; i++)
        {
            fresh[i] = new byte[IdLength];
            Guid.NewGuid().TryFormat(fresh[i], out _, "D");
        }

        var stamped = new ActionResource[_entries.Length];
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            var copy = entry.Json.AsSpan().ToArray();
            foreach (var (offset, idIndex) in entry.Slots)
            {
                fresh[idIndex].CopyTo(copy, offset);
            }

            stamped[i] = ActionResource.FromSerialized(copy, entry.ResourceType, Encoding.UTF8.GetString(fresh[entry.IdIndex]));
        }

        return stamped;
    }

    /// <summary>Every place any of the ids occurs (its own id, hasMember, Provenance.target, device …).</summary>
    private static (int Offset, int IdIndex)[] Slots(byte[] json, byte[][] ids)
    {
        var slots = new List<(int, int)>();
        for (var k = 0; k < ids.Length; k++)
        {
            var from = 0;
            int found;
            while ((found = json.AsSpan(from).IndexOf(ids[k])) >= 0)
            {
                slots.Add((from + found, k));
                from += found + IdLength;
            }
        }

        return [.. slots];
    }

    private sealed record Entry(string ResourceType, int IdIndex, byte[] Json, (int Offset, int IdIndex)[] Slots);
}
