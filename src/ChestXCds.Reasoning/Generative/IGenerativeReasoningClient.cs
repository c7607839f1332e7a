namespace ChestXCds.Reasoning.Generative;

/// <summary>Asks a ChestX-Reasoner model served behind an OpenAI-compatible API about one image.</summary>
public interface IGenerativeReasoningClient
{
    /// <summary>Sends the image and the question with the paper's step-by-step prompt; returns the parsed answer.</summary>
    /// <param name="image">Encoded image bytes (PNG or JPEG).</param>
    /// <param name="mediaType">image/png or image/jpeg.</param>
    /// <param name="question">The clinical question, e.g. "Is there a pleural effusion?".</param>
    Task<GenerativeAnswer> AskAsync(ReadOnlyMemory<byte> image, string mediaType, string question, CancellationToken cancellationToken = default);
}
