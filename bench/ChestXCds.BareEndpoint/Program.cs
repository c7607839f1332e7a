// The baseline for bench/README.md "Analysis pipeline (issue 6)": Kestrel + one minimal-API endpoint that
// answers POST /cds-services/chestx-order-sign with fixed bytes (a response body captured from the real
// service) and the same content type, doing nothing else: no authentication, no body parsing, no logging.
// Usage: ChestXCds.BareEndpoint <response-body-file> <content-type> <url, e.g. http://127.0.0.1:5099>
if (args.Length != 3 || !File.Exists(args[0]) || !Uri.TryCreate(args[2], UriKind.Absolute, out var url) || !url.IsLoopback)
{
    Console.Error.WriteLine("Usage: ChestXCds.BareEndpoint <response-body-file> <content-type> <loopback url, e.g. http://127.0.0.1:5099>");
    return 2;
}

var body = File.ReadAllBytes(args[0]);
var contentType = args[1];
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url.AbsoluteUri.TrimEnd('/'));
var app = builder.Build();

// The service reads the request body (the hook JSON); so does the baseline, to keep the socket work equal.
app.MapPost("/cds-services/chestx-order-sign", async (HttpContext context) =>
{
    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
    context.Response.ContentType = contentType;
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body, context.RequestAborted);
});
app.MapGet("/health/ready", () => Results.Ok());
await app.RunAsync();
return 0;
