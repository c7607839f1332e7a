using System.Text;
using ChestXCds.Domain;
using ChestXCds.Reasoning.Generative;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.Reasoning.Tests.Generative;

// REQ-RSN-07: the optional generative engine speaks OpenAI chat-completions, sends the paper's prompt and the image,
// and its <think> steps are verified. WireMock stands in for a vLLM server, which cannot run here.
public sealed class GenerativeReasoningEngineTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();

    public void Dispose() => server.Dispose();

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ChestX:Reasoning:Generative:Enabled"] = "true",
                ["ChestX:Reasoning:Generative:BaseAddress"] = server.Url + "/",
                ["ChestX:Reasoning:Generative:Model"] = "chestx-reasoner-7b",
                ["ChestX:Reasoning:Generative:AttemptTimeoutSeconds"] = "10",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddChestXReasoning();
        return services.BuildServiceProvider();
    }

    private static string Completion(string content) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + System.Text.Json.JsonSerializer.Serialize(content) + "},\"finish_reason\":\"stop\"}]}";

    [Fact]
    public async Task GivenModelAnswer_WhenReasoning_ThenPromptAndImageAreSentAndStepsVerified()
    {
        server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(Completion("<think>There is a large right pleural effusion.\nThe heart is enlarged.</think><answer>Pleural effusion.</answer>")));
        await using var provider = Services();
        var engine = provider.GetRequiredService<GenerativeReasoningEngine>();

        var result = await engine.ReasonAsync(Encoding.ASCII.GetBytes("PNGDATA"), "image/png", "Is there a pleural effusion?",
            [new FindingScore("Effusion", 0.9, 0.5), new FindingScore("Cardiomegaly", 0.1, 0.5)], []);

        Assert.Equal("Pleural effusion.", result.Answer.Answer);
        Assert.Equal([StepVerdict.Supported, StepVerdict.Contradicted, StepVerdict.Supported], result.Steps.Select(s => s.Verdict));

        using var body = System.Text.Json.JsonDocument.Parse(Assert.Single(server.LogEntries).RequestMessage.Body!);
        var content = body.RootElement.GetProperty("messages")[0].GetProperty("content");
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Encoding.ASCII.GetBytes("PNGDATA")), content[0].GetProperty("image_url").GetProperty("url").GetString());
        Assert.EndsWith(OpenAiCompatibleReasoningClient.Prompt, content[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("chestx-reasoner-7b", body.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task GivenServerRejectsRequest_WhenAsking_ThenClearError()
    {
        server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":\"bad image\"}"));
        await using var provider = Services();
        var client = provider.GetRequiredService<IGenerativeReasoningClient>();
        var error = await Assert.ThrowsAsync<GenerativeEngineException>(() => client.AskAsync(new byte[] { 1 }, "image/png", "Is there edema?"));
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenMalformedResponse_WhenAsking_ThenClearError()
    {
        server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"choices\":[]}"));
        await using var provider = Services();
        var client = provider.GetRequiredService<IGenerativeReasoningClient>();
        var error = await Assert.ThrowsAsync<GenerativeEngineException>(() => client.AskAsync(new byte[] { 1 }, "image/png", "Is there edema?"));
        Assert.Contains("choices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenEnabledWithoutBaseAddress_WhenOptionsAreValidated_ThenStartFails()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChestX:Reasoning:Generative:Enabled"] = "true" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddChestXReasoning();
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GenerativeEngineOptions>>().Value);
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }
}
