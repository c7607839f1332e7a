using ChestXCds.Inference.Onnx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Inference.Tests.KServe;

// REQ-INF-09: the KServe v2 backend (readiness, metadata, infer as JSON or binary tensor data) gives the in-process results.
public sealed class KServeBackendTests : IDisposable
{
    private readonly FakeTriton _triton = new("nih-multilabel", "cxr-nih");
    private readonly VerifySet _set = VerifySet.Load("nih-multilabel");

    private IHost Host(bool binary) => InferenceHost.Build(new Dictionary<string, string?>
    {
        ["Inference:Backend"] = "KServe",
        ["Inference:Manifest"] = "nih-multilabel",
        ["Inference:MaxBatchSize"] = "4",
        ["Inference:KServe:BaseUrl"] = _triton.Url.ToString(),
        ["Inference:KServe:ModelName"] = "cxr-nih",
        ["Inference:KServe:BinaryData"] = binary ? "true" : "false",
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GivenTritonServingTheModel_WhenClassifyingTheVerifyInputs_ThenScoresEqualTheInProcessModel(bool binary)
    {
        using var host = Host(binary);
        await host.StartAsync();
        var classifier = host.Services.GetRequiredService<IFindingClassifier>();
        using var onnx = new OnnxInferenceBackend(TestManifests.Load("nih-multilabel"), VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance);

        var scores = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => classifier.ClassifyAsync(_set.Tensor(i), CancellationToken.None)));

        Assert.Equal("KServe", classifier.Model.Provider);
        for (var i = 0; i < 4; i++)
        {
            var logits = onnx.Run(_set.Sample(i), 1)[0];
            Assert.All(scores[i].Zip(ScoreMapper.Map(TestManifests.Load("nih-multilabel"), logits)), p => Assert.Equal(p.Second.Probability, p.First.Probability, 6));
            Assert.All(scores[i].Zip(_set.Logits[i]), p => Assert.Equal(1 / (1 + Math.Exp(-p.Second)), p.First.Probability, 4));
        }

        var requests = _triton.InferRequests.ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal(binary, r.Headers!.ContainsKey("Inference-Header-Content-Length")));
        await host.StopAsync();
    }

    [Fact]
    public async Task GivenServerNotReady_WhenTheHostStarts_ThenItRefusesWithAClearMessage()
    {
        _triton.Answer("/v2/health/ready", 400);
        using var host = Host(binary: true);

        var ex = await Assert.ThrowsAsync<ModelLoadException>(() => host.StartAsync());

        Assert.Contains("is not ready (GET /v2/health/ready)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenModelNotReady_WhenTheHostStarts_ThenItRefusesNamingTheModel()
    {
        _triton.Answer("/v2/models/cxr-nih/ready", 400, """{"error":"model not ready"}""");
        using var host = Host(binary: true);

        var ex = await Assert.ThrowsAsync<ModelLoadException>(() => host.StartAsync());

        Assert.Contains("Model 'cxr-nih' is not ready", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenMetadataWithoutTheManifestsOutput_WhenTheHostStarts_ThenItRefusesListingTheServersOutputs()
    {
        _triton.Answer("/v2/models/cxr-nih", 200, _triton.Metadata("image", "scores", 4));
        using var host = Host(binary: true);

        var ex = await Assert.ThrowsAsync<ModelLoadException>(() => host.StartAsync());

        Assert.Contains("manifest names output tensor 'logits', but the server's outputs are 'scores'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenInferenceError_WhenClassifying_ThenInferenceServerExceptionCarriesTheServersError()
    {
        using var host = Host(binary: true);
        await host.StartAsync();
        _triton.Answer("/v2/models/cxr-nih/infer", 400, """{"error":"unexpected shape for input 'image'"}""", post: true);
        var classifier = host.Services.GetRequiredService<IFindingClassifier>();

        var ex = await Assert.ThrowsAsync<InferenceServerException>(() => classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("unexpected shape for input 'image'", ex.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task GivenBinaryHeaderLongerThanTheBody_WhenClassifying_ThenInferenceServerExceptionNotACrash()
    {
        using var host = Host(binary: true);
        await host.StartAsync();
        _triton.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/models/cxr-nih/infer").UsingPost())
            .AtPriority(0)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Inference-Header-Content-Length", "9999").WithBody("{}"));
        var classifier = host.Services.GetRequiredService<IFindingClassifier>();

        var ex = await Assert.ThrowsAsync<InferenceServerException>(() => classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None));

        Assert.Contains("exceeds its body", ex.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    public void Dispose() => _triton.Dispose();
}
