using System.Runtime.InteropServices;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ChestXCds.Fhir.Reading;

/// <summary>
/// Parses FHIR R4 JSON into Firely POCOs, tolerating what real EHRs send (unknown elements, odd primitives) as long as
/// the resource is recognisable. Firely's model validation (cardinality, value patterns) is off: the service reads
/// these resources, it does not store them, and profile validation belongs to <c>chestx validate</c>. The JSON is
/// read from the element's UTF-8 bytes as they arrived, not copied into a string first.
/// </summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings { Validator = null }.UsingMode(DeserializationMode.Recoverable));

    /// <summary>The resource in <paramref name="element"/>, or null when it is not a FHIR resource.</summary>
    public static Resource? TryParse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
            return Deserializer.TryDeserializeResource(ref reader, out var resource, out _) ? resource : null;
        }
        catch (Exception ex) when (ex is DeserializationFailedException or FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
