using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Http;

/// <summary>
/// The primary handler of every ChestXCds HTTP client (this file is compiled into each project that
/// registers one). The typed clients are captured by singletons (the JWKS provider, the DICOMweb
/// client, the KServe client, the generative reasoning client), so IHttpClientFactory's handler
/// rotation never reaches them and a DNS change would never be seen. Following Microsoft's guidance for
/// typed clients used from singletons ("IHttpClientFactory with .NET", Avoid typed clients in singleton
/// services), one long-lived <see cref="SocketsHttpHandler"/> replaces its pooled connections every
/// <see cref="PooledConnectionLifetime"/> instead, and the factory's own rotation is turned off.
/// Redirects are not followed: a 3xx is a failure, because following it would send the request to a
/// URL that was never checked against the configured origin (a JWKS URL, a jku prefix, a PACS base).
/// </summary>
internal static class OutboundHttpClientBuilderExtensions
{
    /// <summary>How long a pooled connection is reused before a new one is opened (DNS resolved again): 2 minutes.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Uses <see cref="CreatePrimaryHandler"/> as the client's primary handler, built once for the life of the container.</summary>
    public static IHttpClientBuilder UseOutboundPrimaryHandler(this IHttpClientBuilder builder) =>
        builder
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    /// <summary>A <see cref="SocketsHttpHandler"/> that recycles connections and refuses to follow redirects.</summary>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = PooledConnectionLifetime,
    };
}
