using System.Text.Json;

namespace ChestXCds.Fhir.Reading;

/// <summary>One prefetch key as the client sent it: absent, JSON null, an OperationOutcome, or a resource/Bundle.</summary>
public readonly record struct PrefetchEntry(bool Present, JsonElement Value)
{
    public static PrefetchEntry Absent => default;

    /// <summary>The key's entry in a hook's prefetch map.</summary>
    public static PrefetchEntry From(IReadOnlyDictionary<string, JsonElement>? prefetch, string key) =>
        prefetch is not null && prefetch.TryGetValue(key, out var value) ? new PrefetchEntry(true, value) : Absent;
}
