using System.Buffers.Binary;
using System.Text.Json;

namespace ChestXCds.Inference.KServe;

/// <summary>Reads one FP32 output from a $inference_response, as JSON data or as binary tensor data after the JSON header.</summary>
internal static class KServeResponseReader
{
    public static (float[] Data, long[] Shape) ReadOutput(byte[] body, int jsonLength, string outputName)
    {
        try
        {
            return Read(body, jsonLength, outputName);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // A member of the wrong JSON kind (e.g. a string where the protocol has a number).
            throw new InferenceServerException($"The inference server's output '{outputName}' does not follow the protocol: {ex.Message}", ex);
        }
    }

    private static (float[] Data, long[] Shape) Read(byte[] body, int jsonLength, string outputName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.AsMemory(0, jsonLength));
        }
        catch (JsonException ex)
        {
            throw new InferenceServerException($"The inference server's response is not protocol JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array)
            {
                throw new InferenceServerException("The inference server's response has no 'outputs' array.");
            }

            // Binary outputs follow the JSON in the order the outputs are listed.
            var offset = jsonLength;
            foreach (var output in outputs.EnumerateArray())
            {
                var name = output.TryGetProperty("name", out var n) ? n.GetString() : null;
                long binarySize = output.TryGetProperty("parameters", out var p) && p.TryGetProperty("binary_data_size", out var b) ? b.GetInt64() : -1;
                if (name != outputName)
                {
                    offset += (int)Math.Max(0, binarySize);
                    continue;
                }

                var datatype = output.TryGetProperty("datatype", out var dt) ? dt.GetString() : null;
                if (datatype != "FP32")
                {
                    throw new InferenceServerException($"Output '{outputName}' has datatype '{datatype}'; FP32 was expected.");
                }

                var shape = output.TryGetProperty("shape", out var s) ? s.EnumerateArray().Select(x => x.GetInt64()).ToArray() : [];
                var count = shape.Aggregate(1L, (a, d) => a * d);
                float[] data;
                if (binarySize >= 0)
                {
                    if (binarySize != count * sizeof(float) || offset + binarySize > body.Length)
                    {
                        throw new InferenceServerException(
                            $"Output '{outputName}' declares {binarySize} binary bytes for shape [{string.Join(",", shape)}], and the body holds {body.Length - offset} after the header.");
                    }

                    data = new float[count];
                    for (var i = 0; i < data.Length; i++)
                    {
                        data[i] = BinaryPrimitives.ReadSingleLittleEndian(body.AsSpan(offset + (i * sizeof(float))));
                    }
                }
                else if (output.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array)
                {
                    data = [.. Flatten(d)];
                    if (data.Length != count)
                    {
                        throw new InferenceServerException($"Output '{outputName}' has {data.Length} values for shape [{string.Join(",", shape)}].");
                    }
                }
                else
                {
                    throw new InferenceServerException($"Output '{outputName}' carries neither 'data' nor binary_data_size.");
                }

                return (data, shape);
            }

            throw new InferenceServerException($"The inference server's response has no output named '{outputName}'.");
        }
    }

    private static IEnumerable<float> Flatten(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().SelectMany(Flatten) : [element.GetSingle()];
}
