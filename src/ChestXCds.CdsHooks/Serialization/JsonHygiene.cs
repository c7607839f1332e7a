using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChestXCds.CdsHooks.Serialization;

/// <summary>Finds members CDS Hooks 2.0 §JSON forbids in a body: null, "", [] and {}.</summary>
public static class JsonHygiene
{
    /// <summary>JSON paths of every null or empty member below <paramref name="node"/>, except those listed in <paramref name="allowedEmpty"/>.</summary>
    public static IReadOnlyList<string> FindEmptyMembers(JsonNode? node, params string[] allowedEmpty)
    {
        var found = new List<string>();
        Walk(node, "$", found);
        return found.Where(p => !allowedEmpty.Contains(p, StringComparer.Ordinal)).ToList();
    }

    private static void Walk(JsonNode? node, string path, List<string> found)
    {
        switch (node)
        {
            case null:
                found.Add(path);
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    found.Add(path);
                }

                foreach (var (name, child) in obj)
                {
                    Walk(child, $"{path}.{name}", found);
                }

                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    found.Add(path);
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", found);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0:
                found.Add(path);
                break;
        }
    }
}
