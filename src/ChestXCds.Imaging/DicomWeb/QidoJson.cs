using System.Globalization;
using System.Text.Json;

namespace ChestXCds.Imaging.DicomWeb;

/// <summary>Reads the DICOM JSON model (PS3.18 F.2) of a QIDO-RS instance or series search.</summary>
internal static class QidoJson
{
    public static List<DicomInstanceSummary> ParseInstances(JsonElement root)
    {
        var instances = new List<DicomInstanceSummary>();
        foreach (var dataset in Datasets(root))
        {
            var series = First(dataset, "0020000E");
            var sop = First(dataset, "00080018");
            if (series is null || sop is null)
            {
                continue;
            }

            var number = First(dataset, "00200013");
            instances.Add(new DicomInstanceSummary(
                series,
                sop,
                First(dataset, "00080016"),
                First(dataset, "00080060"),
                First(dataset, "00185101"),
                First(dataset, "00180015"),
                int.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null));
        }

        return instances;
    }

    public static List<DicomSeriesSummary> ParseSeries(JsonElement root) =>
        Datasets(root)
            .Select(dataset => new DicomSeriesSummary(First(dataset, "00080060"), First(dataset, "00180015"), First(dataset, "0008103E"), First(dataset, "00081030")))
            .ToList();

    private static JsonElement.ArrayEnumerator Datasets(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : throw new JsonException("A QIDO-RS answer is a JSON array.");

    private static string? First(JsonElement dataset, string tag)
    {
        if (dataset.ValueKind != JsonValueKind.Object
            || !dataset.TryGetProperty(tag, out var attribute)
            || attribute.ValueKind != JsonValueKind.Object
            || !attribute.TryGetProperty("Value", out var values)
            || values.ValueKind != JsonValueKind.Array
            || values.GetArrayLength() == 0)
        {
            return null;
        }

        var first = values[0];
        var text = first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Number => first.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
