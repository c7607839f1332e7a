using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Studies;
using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Reading;
using ChestXCds.Imaging;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resource = Hl7.Fhir.Model.Resource;

namespace ChestXCds.Analysis.Tests.Support;

/// <summary>
/// A <see cref="StudyBodyPartResolver"/> built as the service builds it: the typed <see cref="DicomWebClient"/> with its
/// resilience pipeline from AddChestXImaging over <c>Imaging:DicomWeb</c> settings. Its log lines are kept in
/// <see cref="Logged"/> so that tests can check what it wrote.
/// </summary>
internal sealed class BodyPartHost : IDisposable
{
    private static readonly Lazy<BodyPartHost> Idle = new(() => new BodyPartHost());

    private readonly ServiceProvider _services;
    private readonly EndpointCache _endpoints = new(new FixedOptions<FhirReadingOptions>(new FhirReadingOptions()));

    public BodyPartHost(AnalysisOptions? analysis = null, IFhirQueryClient? fhir = null, params (string Key, string? Value)[] dicomWeb)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(dicomWeb.Select(s => new KeyValuePair<string, string?>($"{DicomWebOptions.SectionName}:{s.Key}", s.Value)))
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddChestXImaging(configuration);
        _services = collection.BuildServiceProvider();
        // Unless a test is about the wait, one no busy test machine reaches (the first request builds the client's pipeline).
        var options = new FixedOptions<AnalysisOptions>(analysis ?? new AnalysisOptions { DicomBodyPartWaitMilliseconds = 30_000 });
        Cache = new StudyBodyPartCache(options);
        Resolver = new StudyBodyPartResolver(
            new StudyEndpointResolver(fhir ?? new NoFhirServer(), _endpoints),
            _services.GetRequiredService<DicomWebClient>(),
            Cache,
            // Development without lists: any https or loopback http endpoint, as the Orthanc tests use.
            new ChestXCds.CdsHooks.Access.ClientAccessPolicy(
                new FixedOptions<ChestXCds.CdsHooks.Authentication.CdsClientsOptions>(new ChestXCds.CdsHooks.Authentication.CdsClientsOptions()),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" }),
            _services.GetRequiredService<IOptions<DicomWebOptions>>(),
            options,
            TimeProvider.System,
            new ListLogger<StudyBodyPartResolver>(Logged));
    }

    /// <summary>One host for tests whose studies never reach the PACS; it lives as long as the test run.</summary>
    public static StudyBodyPartResolver Unused => Idle.Value.Resolver;

    public StudyBodyPartResolver Resolver { get; }

    public StudyBodyPartCache Cache { get; }

    public List<string> Logged { get; } = [];

    public void Dispose()
    {
        Cache.Dispose();
        _endpoints.Dispose();
        _services.Dispose();
    }

    private sealed class NoFhirServer : IFhirQueryClient
    {
        public Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken) =>
            throw new FhirReadException("no FHIR server in this test");
    }

    private sealed class ListLogger<T>(List<string> lines) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
            }
        }
    }
}
