using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChestXCds.Inference.Tests;

/// <summary>A generic host with only AddChestXInference, configured in memory, as the API host would be.</summary>
internal static class InferenceHost
{
    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inference:ModelsRoot"] = VerifySet.ModelsRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddChestXInference(builder.Configuration);
        return builder.Build();
    }
}
