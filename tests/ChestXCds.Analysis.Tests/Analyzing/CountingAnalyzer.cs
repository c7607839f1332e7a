using ChestXCds.Analysis.Analyzing;
using ChestXCds.Domain;

namespace ChestXCds.Analysis.Tests.Analyzing;

/// <summary>An image analyzer that counts its runs, can be held at a gate, and can fail; it scores Effusion 0.42.</summary>
internal sealed class CountingAnalyzer : IImageFindingsAnalyzer
{
    private int _calls;

    public TaskCompletionSource? Gate { get; set; }

    public Exception? Failure { get; set; }

    public string Version { get; set; } = "1.0.0";

    /// <summary>When set, the findings name this study instead of the one asked for (a PACS that answers the wrong study).</summary>
    public string? AnswerStudyUid { get; set; }

    public int Calls => _calls;

    public ModelDescriptor Model => new("test-model", Version, "CPU", null, "test");

    public async Task<ImageFindings> AnalyzeAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return new ImageFindings(AnswerStudyUid ?? location.StudyInstanceUid, "1.2.3.1", "1.2.3.1.1", Model, [new FindingScore("Effusion", 0.42, 0.37)], DateTimeOffset.UnixEpoch, new ImageAnalysisTimings(1, 1, 1));
    }
}
