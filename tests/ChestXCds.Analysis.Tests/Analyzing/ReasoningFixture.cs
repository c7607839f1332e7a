using ChestXCds.Reasoning;
using ChestXCds.Reasoning.Chains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Analysis.Tests.Analyzing;

/// <summary>The real reasoning engine with its embedded knowledge and default options.</summary>
internal static class ReasoningFixture
{
    private static readonly Lazy<IReasoningEngine> Shared = new(() => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddChestXReasoning()
        .BuildServiceProvider()
        .GetRequiredService<IReasoningEngine>());

    public static IReasoningEngine Engine => Shared.Value;
}
