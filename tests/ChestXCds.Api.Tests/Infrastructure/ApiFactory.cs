using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>
/// The real host in-process, configured through the same settings a deployment uses, in the environment named
/// (default "Development"); every log record is captured by a FakeLogger collector.
/// </summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string> settings, string environment = "Development") : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development unless a test asks for another: the test FHIR server and JWKS are plain http on loopback, which
        // only Development allows (CdsClients allow-lists).
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
    }

    public Microsoft.Extensions.Logging.Testing.FakeLogCollector Logs => Services.GetFakeLogCollector();
}
