using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.Reasoning.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Reasoning.Generative;

/// <summary>
/// Typed HttpClient for POST v1/chat/completions (OpenAI chat-completions schema as vLLM and TGI serve it),
/// with the image as a base64 data URL content part. The only I/O in this project (docs/adr/0003).
/// </summary>
public sealed class OpenAiCompatibleReasoningClient : IGenerativeReasoningClient
{
    /// <summary>ChestX-Reasoner's instruction (Fan et al. 2025), appended to every question.</summary>
    public const string Prompt = "Let's think step by step. Enclose the reasoning within <think></think> and the answer within <answer></answer>.";

    private readonly HttpClient http;
    private readonly GenerativeEngineOptions options;
    private readonly ILogger<OpenAiCompatibleReasoningClient> logger;

    public OpenAiCompatibleReasoningClient(HttpClient http, IOptions<GenerativeEngineOptions> options, ILogger<OpenAiCompatibleReasoningClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.options = options.Value;
        this.logger = logger;
    }

    public async Task<GenerativeAnswer> AskAsync(ReadOnlyMemory<byte> image, string mediaType, string question, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        if (image.IsEmpty)
        {
            throw new ArgumentException("The image is empty.", nameof(image));
        }

        var body = new JsonObject
        {
            ["model"] = options.Model,
            ["max_tokens"] = options.MaxTokens,
            ["temperature"] = options.Temperature,
            ["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "image_url",
                        ["image_url"] = new JsonObject { ["url"] = $"data:{mediaType};base64,{Convert.ToBase64String(image.Span)}" },
                    },
                    new JsonObject { ["type"] = "text", ["text"] = question.Trim() + " " + Prompt }),
            }),
        };

        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("v1/chat/completions", body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            Log.GenerativeFailed(logger, (int)response.StatusCode);
            throw new GenerativeEngineException($"The generative engine answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).");
        }

        string content;
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            content = document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
                ?? throw new GenerativeEngineException("The generative engine's message content is null.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw new GenerativeEngineException("The generative engine's response is not a chat completion (choices[0].message.content).", e);
        }

        Log.GenerativeAnswered(logger, options.Model, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var hasThink = content.Contains("<think>", StringComparison.OrdinalIgnoreCase);
        if (!hasThink)
        {
            Log.GenerativeNoThink(logger);
        }

        var parsed = ReasoningTextParser.Parse(content);
        return new GenerativeAnswer(content, hasThink ? parsed.Think : null, parsed.Answer);
    }
}
