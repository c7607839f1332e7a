using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ChestXCds.Fhir.Reading;

/// <summary>Parses FHIR R4 JSON into Firely POCOs, tolerating what real EHRs send (unknown elements, odd primitives) as long as the resource is recognisable.</summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    /// <summary>The resource in <paramref name="element"/>, or null when it is not a FHIR resource.</summary>
    public static Resource? TryParse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return Deserializer.DeserializeResource(element.GetRawText());
        }
        catch (Exception ex) when (ex is DeserializationFailedException or FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
