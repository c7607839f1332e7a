using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Verification;

namespace ChestXCds.Reasoning.Generative;

/// <summary>Asks the generative model, then verifies its &lt;think&gt; steps against the image scores and prior reports.</summary>
public sealed class GenerativeReasoningEngine
{
    private readonly IGenerativeReasoningClient client;
    private readonly IStepVerifier verifier;
    private readonly IReportFindingExtractor extractor;

    public GenerativeReasoningEngine(IGenerativeReasoningClient client, IStepVerifier verifier, IReportFindingExtractor extractor)
    {
        this.client = client;
        this.verifier = verifier;
        this.extractor = extractor;
    }

    public async Task<VerifiedGenerativeReasoning> ReasonAsync(
        ReadOnlyMemory<byte> image,
        string mediaType,
        string question,
        IReadOnlyList<FindingScore> scores,
        IReadOnlyList<PriorReport> priorReports,
        CancellationToken cancellationToken = default)
    {
        var answer = await client.AskAsync(image, mediaType, question, cancellationToken).ConfigureAwait(false);
        var context = new VerificationContext(extractor, scores, priorReports);
        return new VerifiedGenerativeReasoning(answer, verifier.VerifyText(answer.Text, context));
    }
}
