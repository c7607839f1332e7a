using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChestXCds.Testing.Http;

/// <summary>
/// What the container builds for a registered HTTP client. Compiled into the test projects whose area
/// registers one (tests/Directory.Build.props, UsesHttpHelpers).
/// </summary>
internal static class HttpClientRegistration
{
    /// <summary>The handlers of the client named <paramref name="name"/> (a typed client is named after its type, e.g. "IJwksProvider"), outermost first, primary last.</summary>
    public static IReadOnlyList<HttpMessageHandler> Handlers(IServiceProvider services, string name)
    {
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name); handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(handler);
        }

        return chain;
    }

    /// <summary>
    /// The outbound policy of every ChestXCds client: a SocketsHttpHandler that does not follow redirects and
    /// recycles pooled connections every 2 minutes, never rotated by the factory (the clients live in
    /// singletons), behind the standard resilience handler.
    /// </summary>
    public static void AssertOutboundPolicy(IServiceProvider services, string name)
    {
        var chain = Handlers(services, name);
        var primary = Assert.IsType<SocketsHttpHandler>(chain[^1]);
        Assert.False(primary.AllowAutoRedirect, $"{name} follows redirects");
        Assert.Equal(TimeSpan.FromMinutes(2), primary.PooledConnectionLifetime);
        Assert.Equal(Timeout.InfiniteTimeSpan, services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name).HandlerLifetime);
        Assert.Contains(chain, h => h is ResilienceHandler);
    }

    /// <summary>The client writes no request log records: its request URIs name patients or studies (FHIR ids, DICOM UIDs).</summary>
    public static void AssertNoRequestLogging(IServiceProvider services, string name) =>
        Assert.DoesNotContain(Handlers(services, name), h => h.GetType().Namespace == "Microsoft.Extensions.Http.Logging");
}
