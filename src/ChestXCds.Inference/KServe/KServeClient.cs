using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChestXCds.Inference.KServe;

/// <summary>
/// Typed HTTP client for the KServe v2 / open inference protocol (REST): health, model readiness,
/// model metadata and inference, with FP32 tensors as JSON or as binary tensor data.
/// Its HttpClient has the base address and the resilience pipeline from the registration.
/// </summary>
internal sealed class KServeClient(HttpClient http)
{
    /// <summary>Binary tensor data extension: the length in bytes of the JSON header that precedes the tensor bytes.</summary>
    public const string HeaderLengthHeader = "Inference-Header-Content-Length";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>GET /v2/health/ready: 200 when the server is ready for inference.</summary>
    public async Task<bool> IsServerReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("v2/health/ready", UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>GET /v2/models/{name}[/versions/{version}]/ready: 200 when the model is ready.</summary>
    public async Task<bool> IsModelReadyAsync(string model, string? version, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(ModelUri(model, version, "/ready"), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>GET /v2/models/{name}[/versions/{version}]: the model's inputs and outputs.</summary>
    public async Task<KServeModelMetadata> GetMetadataAsync(string model, string? version, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(ModelUri(model, version, string.Empty), cancellationToken);
        await ThrowIfErrorAsync(response, $"metadata of model '{model}'", cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<KServeModelMetadata>(JsonOptions, cancellationToken)
                ?? throw new InferenceServerException($"The inference server sent empty metadata for model '{model}'.");
        }
        catch (JsonException ex)
        {
            throw new InferenceServerException($"The inference server's metadata for model '{model}' is not protocol JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// POST /v2/models/{name}[/versions/{version}]/infer with one FP32 input; returns the named FP32 output, flattened.
    /// </summary>
    public async Task<(float[] Data, long[] Shape)> InferAsync(
        string model, string? version, string inputName, ReadOnlyMemory<float> input, long[] shape, string outputName, bool binary, CancellationToken cancellationToken)
    {
        var header = WriteRequestHeader(inputName, input, shape, outputName, binary);
        HttpContent content;
        if (binary)
        {
            var body = new byte[header.Length + (input.Length * sizeof(float))];
            header.CopyTo(body, 0);
            WriteLittleEndian(input.Span, body.AsSpan(header.Length));
            content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.TryAddWithoutValidation(HeaderLengthHeader, header.Length.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            content = new ByteArrayContent(header);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using (content)
        using (var response = await http.PostAsync(ModelUri(model, version, "/infer"), content, cancellationToken))
        {
            await ThrowIfErrorAsync(response, $"inference on model '{model}'", cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var jsonLength = HeaderLength(response) ?? bytes.Length;
            if (jsonLength < 0 || jsonLength > bytes.Length)
            {
                throw new InferenceServerException($"The inference server's {HeaderLengthHeader} ({jsonLength}) exceeds its body ({bytes.Length} bytes).");
            }

            return KServeResponseReader.ReadOutput(bytes, jsonLength, outputName);
        }
    }

    private static byte[] WriteRequestHeader(string inputName, ReadOnlyMemory<float> input, long[] shape, string outputName, bool binary)
    {
        var buffer = new ArrayBufferWriter<byte>(binary ? 512 : input.Length * 12);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Guid.NewGuid().ToString("N"));
            writer.WriteStartArray("inputs");
            writer.WriteStartObject();
            writer.WriteString("name", inputName);
            writer.WriteStartArray("shape");
            foreach (var d in shape)
            {
                writer.WriteNumberValue(d);
            }

            writer.WriteEndArray();
            writer.WriteString("datatype", "FP32");
            if (binary)
            {
                writer.WriteStartObject("parameters");
                writer.WriteNumber("binary_data_size", (long)input.Length * sizeof(float));
                writer.WriteEndObject();
            }
            else
            {
                // Row-major flattened, as the protocol's $tensor_data allows; floats print as shortest round-trip text.
                writer.WriteStartArray("data");
                foreach (var v in input.Span)
                {
                    writer.WriteNumberValue(v);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("outputs");
            writer.WriteStartObject();
            writer.WriteString("name", outputName);
            writer.WriteStartObject("parameters");
            writer.WriteBoolean("binary_data", binary);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteLittleEndian(ReadOnlySpan<float> values, Span<byte> destination)
    {
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(destination[(i * sizeof(float))..], values[i]);
        }
    }

    private static int? HeaderLength(HttpResponseMessage response)
    {
        IEnumerable<string>? values = null;
        if (response.Headers.TryGetValues(HeaderLengthHeader, out var h) || response.Content.Headers.TryGetValues(HeaderLengthHeader, out h))
        {
            values = h;
        }

        var text = values?.FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw new InferenceServerException($"The inference server's {HeaderLengthHeader} '{text}' is not a byte count.");
    }

    private static Uri ModelUri(string model, string? version, string suffix)
    {
        var path = "v2/models/" + Uri.EscapeDataString(model)
            + (string.IsNullOrEmpty(version) ? string.Empty : "/versions/" + Uri.EscapeDataString(version))
            + suffix;
        return new Uri(path, UriKind.Relative);
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // $inference_error_response / $metadata_model_error_response: {"error": "..."}.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? error = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e))
            {
                error = e.GetString();
            }
        }
        catch (JsonException)
        {
            // Not protocol JSON; report the status alone.
        }

        throw new InferenceServerException(
            $"The inference server refused {what}: HTTP {(int)response.StatusCode}{(error is null ? string.Empty : ": " + error)}")
        {
            StatusCode = (int)response.StatusCode,
        };
    }
}
