namespace ChestXCds.Analysis.Analyzing;

/// <summary>Where a cold image analysis spent its time, in milliseconds.</summary>
/// <param name="RetrievalAndDecodeMs">QIDO-RS, WADO-RS and GDCM decoding (IChestImageRetriever).</param>
/// <param name="PipelineMs">Pixel pipeline to the model tensor.</param>
/// <param name="InferenceMs">Model scoring, queueing included.</param>
public sealed record ImageAnalysisTimings(double RetrievalAndDecodeMs, double PipelineMs, double InferenceMs)
{
    public double TotalMs => RetrievalAndDecodeMs + PipelineMs + InferenceMs;
}
