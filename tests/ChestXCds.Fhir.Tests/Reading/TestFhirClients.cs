using ChestXCds.Fhir.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir.Tests.Reading;

/// <summary>A real FhirQueryClient over the real IHttpClientFactory (no resilience handlers: tests count requests).</summary>
internal static class TestFhirClients
{
    private static readonly IHttpClientFactory Factory = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public static FhirQueryClient Create(FhirReadingOptions? options = null) =>
        new(Factory, Options.Create(options ?? new FhirReadingOptions()), NullLogger<FhirQueryClient>.Instance);
}
