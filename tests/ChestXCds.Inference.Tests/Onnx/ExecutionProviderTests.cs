using ChestXCds.Inference.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Inference.Tests.Onnx;

// REQ-INF-06: Auto falls back from CUDA to CPU with a logged warning; Cuda alone refuses clearly; readiness names the provider in use.
public class ExecutionProviderTests
{
    private static bool CudaUsable()
    {
        try
        {
            using var backend = new OnnxInferenceBackend(TestManifests.Load("squeezenet-pneumonia"), VerifySet.ModelsRoot, ExecutionProvider.Cuda, 0, NullLogger.Instance);
            return true;
        }
        catch (ModelLoadException)
        {
            return false;
        }
    }

    [Fact]
    public void GivenAuto_WhenLoading_ThenTheProviderIsCudaOrCpuWithAFallbackWarning()
    {
        var logger = new FakeLogger();

        using var backend = new OnnxInferenceBackend(TestManifests.Load("squeezenet-pneumonia"), VerifySet.ModelsRoot, ExecutionProvider.Auto, 0, logger);

        var fallback = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 5001).ToList();
        if (backend.Provider == OnnxSessionFactory.Cpu)
        {
            var warning = Assert.Single(fallback);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains("falls back to CPU", warning.Message, StringComparison.Ordinal);
            Assert.False(CudaUsable());
        }
        else
        {
            Assert.Equal(OnnxSessionFactory.Cuda, backend.Provider);
            Assert.Empty(fallback);
        }
    }

    [Fact]
    public void GivenCudaOnly_WhenNoUsableGpu_ThenModelLoadExceptionSaysSoElseCudaIsUsed()
    {
        try
        {
            using var backend = new OnnxInferenceBackend(TestManifests.Load("squeezenet-pneumonia"), VerifySet.ModelsRoot, ExecutionProvider.Cuda, 0, NullLogger.Instance);
            Assert.Equal(OnnxSessionFactory.Cuda, backend.Provider);
        }
        catch (ModelLoadException ex)
        {
            Assert.Contains("CUDA execution provider could not be used on device 0", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Auto or Cpu", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GivenCpu_WhenLoading_ThenProviderIsCpuAndNoFallbackIsLogged()
    {
        var logger = new FakeLogger();

        using var backend = new OnnxInferenceBackend(TestManifests.Load("squeezenet-pneumonia"), VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, logger);

        Assert.Equal("CPU", backend.Provider);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == 5001);
    }
}
