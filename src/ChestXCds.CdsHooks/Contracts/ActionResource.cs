using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>
/// The FHIR resource of a create or update action, held as its UTF-8 JSON. A service that has already
/// serialised a resource (with Firely's serialiser, say) hands the bytes over once and the response writer
/// copies them as they are, instead of building and walking a JSON tree per hook.
/// </summary>
[JsonConverter(typeof(ActionResourceJsonConverter))]
public sealed class ActionResource
{
    private ActionResource(ReadOnlyMemory<byte> utf8Json, string? resourceType, string? id)
    {
        Utf8Json = utf8Json;
        ResourceType = resourceType;
        Id = id;
    }

    /// <summary>The resource as UTF-8 JSON: one object.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>The top-level <c>resourceType</c>; null when the object has none (which <see cref="Cards.CardRules"/> refuses).</summary>
    public string? ResourceType { get; }

    /// <summary>The top-level <c>id</c>, when there is one.</summary>
    public string? Id { get; }

    /// <summary>Takes serialised JSON; throws <see cref="JsonException"/> when it is not one JSON object.</summary>
    public static ActionResource FromUtf8Json(ReadOnlyMemory<byte> utf8Json)
    {
        var (resourceType, id) = TopLevel(utf8Json.Span);
        return new ActionResource(utf8Json, resourceType, id);
    }

    /// <summary>
    /// Takes a serialiser's output whose type and id the caller already knows (a template re-stamped with fresh
    /// ids, say); nothing is parsed or checked, so never pass bytes from outside the service here.
    /// </summary>
    public static ActionResource FromSerialized(ReadOnlyMemory<byte> utf8Json, string resourceType, string? id)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        return new ActionResource(utf8Json, resourceType, id);
    }

    public static ActionResource FromJsonObject(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return FromUtf8Json(JsonSerializer.SerializeToUtf8Bytes(resource));
    }

    /// <summary>A parsed copy, for readers that want a tree (tests, tools); the response writer never needs it.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Utf8Json.Span)!.AsObject();

    private static (string? ResourceType, string? Id) TopLevel(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An action's resource must be a JSON object.");
        }

        string? resourceType = null, id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("resourceType"u8);
            var isId = !isType && reader.ValueTextEquals("id"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && (isType || isId))
            {
                if (isType)
                {
                    resourceType = reader.GetString();
                }
                else
                {
                    id = reader.GetString();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading to the end checks the object is complete; trailing content is refused.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("An action's resource must be exactly one JSON object.");
        }

        return (resourceType, id);
    }
}

/// <summary>Writes the held bytes as they are; reads any JSON object.</summary>
internal sealed class ActionResourceJsonConverter : JsonConverter<ActionResource>
{
    public override ActionResource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An action's resource must be a JSON object.");
        }

        return ActionResource.FromUtf8Json(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, ActionResource value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8Json.Span, skipInputValidation: true);
}
