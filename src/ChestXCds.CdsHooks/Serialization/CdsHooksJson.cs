using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChestXCds.CdsHooks.Serialization;

/// <summary>
/// The JSON settings of every CDS Hooks body. CDS Hooks 2.0 §JSON: members with no value are omitted,
/// never sent as null, "" or empty arrays/objects; so the writer drops them (except members marked
/// <see cref="KeepWhenEmptyAttribute"/>).
/// </summary>
public static class CdsHooksJson
{
    /// <summary>Shared, read-only options (camelCase, case-insensitive reads, no empty members on write).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyMembers } },
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 64,
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is ICustomAttributeProvider provider
                && provider.IsDefined(typeof(KeepWhenEmptyAttribute), inherit: true))
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.ShouldSerialize = static (_, value) => value is string { Length: > 0 };
            }
            else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value is IEnumerable items && items.GetEnumerator().MoveNext();
            }
        }
    }
}
