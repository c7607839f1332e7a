using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ChestXCds.Fhir.Mapping;

/// <summary>A mapped resource written as FHIR R4 JSON (UTF-8) once, with its type and id, so callers can carry the bytes as they are.</summary>
public sealed record SerializedResource(string ResourceType, string? Id, ReadOnlyMemory<byte> Utf8Json)
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static SerializedResource From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new SerializedResource(resource.TypeName, resource.Id, JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), Json));
    }
}
