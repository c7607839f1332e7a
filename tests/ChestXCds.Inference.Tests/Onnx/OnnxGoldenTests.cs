using ChestXCds.Inference.Onnx;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Inference.Tests.Onnx;

// REQ-INF-04: the verify inputs reproduce the PyTorch logits within 1e-4, alone and as one batch.
public class OnnxGoldenTests
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData("squeezenet-pneumonia")]
    [InlineData("nih-multilabel")]
    public void GivenVerifyInputs_WhenRunAloneAndAsOneBatch_ThenLogitsMatchTorchWithin1e4(string model)
    {
        var set = VerifySet.Load(model);
        using var backend = new OnnxInferenceBackend(TestManifests.Load(model), VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance);

        var batch = backend.Run(set.Inputs, set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            var alone = backend.Run(set.Sample(i), 1)[0];
            for (var j = 0; j < alone.Length; j++)
            {
                Assert.InRange(Math.Abs(alone[j] - set.Logits[i][j]), 0, Tolerance);
                Assert.InRange(Math.Abs(batch[i][j] - set.Logits[i][j]), 0, Tolerance);
            }
        }
    }

    // REQ-INF-04: probabilities follow the manifest's activation (softmax vs sigmoid).
    [Theory]
    [InlineData("squeezenet-pneumonia")]
    [InlineData("nih-multilabel")]
    public async Task GivenVerifyInputs_WhenClassified_ThenProbabilitiesMatchTorchActivationAndThresholdsApply(string model)
    {
        var set = VerifySet.Load(model);
        var manifest = TestManifests.Load(model);
        var options = new InferenceOptions { MaxBatchSize = 4, BatchWaitMilliseconds = 0 };
        var backend = new OnnxInferenceBackend(manifest, VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance);
        await using var classifier = new FindingClassifier(manifest, backend, options, NullLogger.Instance);

        for (var i = 0; i < set.Count; i++)
        {
            var scores = await classifier.ClassifyAsync(set.Tensor(i), CancellationToken.None);

            Assert.Equal(manifest.Labels.Select(l => l.FindingId), scores.Select(s => s.FindingId));
            for (var j = 0; j < scores.Count; j++)
            {
                Assert.InRange(Math.Abs(scores[j].Probability - set.Probabilities[i][j]), 0, 1e-5);
                Assert.Equal(manifest.Labels[j].Threshold, scores[j].Threshold);
            }
        }
    }

    [Fact]
    public async Task GivenNihEffusionImage_WhenClassified_ThenAllFourLabelsArePositiveAsTheModelCardWarns()
    {
        // The card: "the Effusion image is called positive for all four labels, which is typical of this model".
        var manifest = TestManifests.Load("nih-multilabel");
        var backend = new OnnxInferenceBackend(manifest, VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance);
        await using var classifier = new FindingClassifier(manifest, backend, new InferenceOptions(), NullLogger.Instance);

        var scores = await classifier.ClassifyAsync(VerifySet.Load("nih-multilabel").Tensor(2), CancellationToken.None);

        Assert.All(scores, s => Assert.True(s.IsPositive));
    }
}
