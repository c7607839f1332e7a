using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChestXCds.Imaging.Tests.Support;

/// <summary>
/// A loopback HTTP proxy in front of the real Orthanc that can misbehave the way PACSes do: answer
/// the first requests with 503 + Retry-After, hold every request longer than the client waits, or answer
/// every request about one study with another study's data (a hostile or misconfigured PACS).
/// It records the Authorization header of each request.
/// </summary>
internal sealed class FaultyPacsProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly (string From, string To)? _swapStudy;
    private int _unavailableLeft;

    public FaultyPacsProxy(Uri target, int unavailableResponses = 0, int retryAfterSeconds = 1, TimeSpan? delay = null, (string From, string To)? swapStudy = null)
    {
        _swapStudy = swapStudy;
        _target = target;
        _unavailableLeft = unavailableResponses;
        RetryAfterSeconds = retryAfterSeconds;
        Delay = delay ?? TimeSpan.Zero;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public int RetryAfterSeconds { get; }

    public TimeSpan Delay { get; }

    public Uri DicomWebBase => new($"http://127.0.0.1:{Port}/dicom-web");

    public ConcurrentQueue<(string Path, int Status, string? Authorization)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var authorization = context.Request.Headers["Authorization"];
        var path = context.Request.Url!.PathAndQuery;
        try
        {
            if (Interlocked.Decrement(ref _unavailableLeft) >= 0)
            {
                Requests.Enqueue((path, 503, authorization));
                context.Response.StatusCode = 503;
                context.Response.Headers["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Close();
                return;
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, _stop.Token);
            }

            var upstreamPath = _swapStudy is { } swap ? path.Replace(swap.From, swap.To, StringComparison.Ordinal) : path;
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_target, upstreamPath));
            request.Headers.TryAddWithoutValidation("Accept", context.Request.Headers["Accept"]);
            using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            Requests.Enqueue((path, (int)response.StatusCode, authorization));
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.OutputStream, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // The client gave up (slow-PACS tests) or the proxy is stopping.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
