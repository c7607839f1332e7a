namespace ChestXCds.LoadTest;

/// <summary>Per-stage samples (ms) of the in-process cold analysis.</summary>
public sealed record ColdSplitResult(
    IReadOnlyDictionary<string, IReadOnlyList<double>> Stages,
    IReadOnlyList<double> RetrievalAlone,
    IReadOnlyList<double> InferenceAlone,
    IReadOnlyList<double> AnalyzerTotal,
    IReadOnlyList<double> DecodeBare,
    IReadOnlyList<double> InferenceBare,
    double FirstChainMs);
