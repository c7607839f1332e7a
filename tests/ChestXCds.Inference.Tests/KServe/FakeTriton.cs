using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ChestXCds.Inference.Tests.KServe;

/// <summary>
/// A WireMock.Net server answering the KServe v2 REST protocol as NVIDIA Triton does, including the
/// binary tensor data extension. Inference requests really run the ONNX model (so a wrongly encoded
/// tensor gives wrong logits). Triton answers 400 when the server or a model is not ready.
/// </summary>
internal sealed class FakeTriton : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _model;

    public FakeTriton(string model, string servedAs)
    {
        _model = servedAs;
        _session = new InferenceSession(Path.Combine(VerifySet.ModelsRoot, model, "model.onnx"));
        Server = WireMockServer.Start();
        var classes = _session.OutputMetadata["logits"].Dimensions[1];
        Server.Given(Request.Create().WithPath("/v2/health/ready").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        Server.Given(Request.Create().WithPath($"/v2/models/{servedAs}/ready").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        Server.Given(Request.Create().WithPath($"/v2/models/{servedAs}").UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(Metadata("image", "logits", classes)));
        Server.Given(Request.Create().WithPath($"/v2/models/{servedAs}/infer").UsingPost()).RespondWith(Response.Create().WithCallback(Infer));
    }

    public WireMockServer Server { get; }

    public Uri Url => new(Server.Url!);

    public string Metadata(string input, string output, long classes) =>
        $$"""{"name":"{{_model}}","versions":["1"],"platform":"onnxruntime_onnx","inputs":[{"name":"{{input}}","datatype":"FP32","shape":[-1,3,224,224]}],"outputs":[{"name":"{{output}}","datatype":"FP32","shape":[-1,{{classes}}]}]}""";

    /// <summary>Replaces a route's answer (WireMock: the latest mapping for a path wins).</summary>
    public void Answer(string path, int status, string? json = null, bool post = false)
    {
        var request = Request.Create().WithPath(path);
        var response = Response.Create().WithStatusCode(status);
        if (json is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(json);
        }

        Server.Given(post ? request.UsingPost() : request.UsingGet()).AtPriority(0).RespondWith(response);
    }

    public IEnumerable<IRequestMessage> InferRequests =>
        Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path.EndsWith("/infer", StringComparison.Ordinal));

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _session.Dispose();
    }

    private ResponseMessage Infer(IRequestMessage request)
    {
        var body = request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        var jsonLength = request.Headers is not null && request.Headers.TryGetValue("Inference-Header-Content-Length", out var h)
            ? int.Parse(h[0], CultureInfo.InvariantCulture)
            : body.Length;
        var header = JsonNode.Parse(body.AsSpan(0, jsonLength))!;
        var input = header["inputs"]![0]!;
        var shape = input["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
        float[] data;
        if (input["parameters"]?["binary_data_size"] is { } size)
        {
            data = new float[size.GetValue<long>() / sizeof(float)];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(body.AsSpan(jsonLength + (i * sizeof(float))));
            }
        }
        else
        {
            data = [.. input["data"]!.AsArray().Select(v => v!.GetValue<float>())];
        }

        if (input["name"]!.GetValue<string>() != "image" || input["datatype"]!.GetValue<string>() != "FP32")
        {
            return Error("unexpected inference input");
        }

        using var value = OrtValue.CreateTensorValueFromMemory(data, shape);
        using var runOptions = new RunOptions();
        using var results = _session.Run(runOptions, ["image"], [value], ["logits"]);
        var outShape = results[0].GetTensorTypeAndShape().Shape;
        var logits = results[0].GetTensorDataAsSpan<float>().ToArray();
        var binary = header["outputs"]?[0]?["parameters"]?["binary_data"]?.GetValue<bool>() ?? false;

        var output = new JsonObject
        {
            ["name"] = "logits",
            ["datatype"] = "FP32",
            ["shape"] = new JsonArray([.. outShape.Select(d => (JsonNode)d)]),
        };
        if (binary)
        {
            output["parameters"] = new JsonObject { ["binary_data_size"] = logits.Length * sizeof(float) };
        }
        else
        {
            output["data"] = new JsonArray([.. logits.Select(v => (JsonNode)v)]);
        }

        var responseJson = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["model_name"] = _model,
            ["model_version"] = "1",
            ["id"] = header["id"]?.GetValue<string>(),
            ["outputs"] = new JsonArray(output),
        }.ToJsonString());

        if (!binary)
        {
            return Bytes(responseJson, "application/json", null);
        }

        var all = new byte[responseJson.Length + (logits.Length * sizeof(float))];
        responseJson.CopyTo(all, 0);
        for (var i = 0; i < logits.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(all.AsSpan(responseJson.Length + (i * sizeof(float))), logits[i]);
        }

        return Bytes(all, "application/octet-stream", responseJson.Length);
    }

    private static ResponseMessage Error(string message) =>
        Bytes(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { error = message })), "application/json", null, 400);

    private static ResponseMessage Bytes(byte[] body, string contentType, int? headerLength, int status = 200)
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) };
        if (headerLength is { } length)
        {
            headers["Inference-Header-Content-Length"] = new(length.ToString(CultureInfo.InvariantCulture));
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        };
    }
}
