using System.Text.Json;
using ChestXCds.CdsHooks;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using Microsoft.Extensions.Options;

// The floor for bench/README.md "Warm order-sign": Kestrel + one minimal-API endpoint that does what every CDS
// service must do for POST /cds-services/chestx-order-sign and nothing more:
//   - verify the caller's JWT exactly as the service does: the service's own CdsClientAuthenticationHandler and
//     CdsClientTokenValidator, registered by AddChestXCdsHooks() and bound from the same CdsClients settings
//     (issuer allow-list, JWKS file; signature, iss, aud = the URL called, exp/iat, jti replay), so the floor
//     cannot drift from the service; a refused or missing token gets the service's bare 401;
//   - parse the body into the service's request contract (CdsHookRequest, CdsHooksJson.Options), 400 if it is not one;
//   - write fixed bytes (a response body captured from the real service) with the same content type.
// No prefetch parsing, validation, analysis, logging or telemetry.
// Usage: ChestXCds.BareEndpoint <response-body-file> <content-type> <loopback url, e.g. http://127.0.0.1:5099>
// with the service's CdsClients settings in the environment (CdsClients__Clients__0__Issuer, CdsClients__Clients__0__JwksFile, ...).
if (args.Length != 3 || !File.Exists(args[0]) || !Uri.TryCreate(args[2], UriKind.Absolute, out var url) || !url.IsLoopback)
{
    Console.Error.WriteLine("Usage: ChestXCds.BareEndpoint <response-body-file> <content-type> <loopback url, e.g. http://127.0.0.1:5099>");
    Console.Error.WriteLine("       with CdsClients__Clients__0__Issuer and CdsClients__Clients__0__JwksFile (or JwksUri) in the environment.");
    return 2;
}

var body = File.ReadAllBytes(args[0]);
var contentType = args[1];

// No args: the positional arguments above are not configuration; the CdsClients section comes from the environment.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url.AbsoluteUri.TrimEnd('/'));

// As src/ChestXCds.Api/Hosting/ApiServiceCollectionExtensions registers them (without the Entra ID branch).
builder.Services.AddChestXCdsHooks();
builder.Services.AddAuthentication(CdsClientAuthenticationDefaults.AuthenticationScheme)
    .AddScheme<CdsClientAuthenticationOptions, CdsClientAuthenticationHandler>(CdsClientAuthenticationDefaults.AuthenticationScheme, null);
builder.Services.AddAuthorizationBuilder().AddPolicy(CdsClientAuthenticationDefaults.Policy, policy => policy
    .AddAuthenticationSchemes(CdsClientAuthenticationDefaults.AuthenticationScheme)
    .RequireAuthenticatedUser());

var app = builder.Build();

// An empty allow-list would answer every call 401; refuse to start instead, so a misconfigured run fails at once.
if (app.Services.GetRequiredService<IOptions<CdsClientsOptions>>().Value.Clients.Count == 0)
{
    Console.Error.WriteLine("No CDS client configured (CdsClients__Clients__0__Issuer and its JWKS): every call would be refused.");
    return 2;
}

app.UseAuthentication();
app.UseAuthorization();

app.MapPost("/cds-services/chestx-order-sign", async (HttpContext context) =>
{
    if (!await IsHookRequestAsync(context.Request, context.RequestAborted))
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    context.Response.ContentType = contentType;
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body, context.RequestAborted);
}).RequireAuthorization(CdsClientAuthenticationDefaults.Policy);
app.MapGet("/health/ready", () => Results.Ok());
await app.RunAsync();
return 0;

// The service's contract and JSON options, as its JsonBody.ReadAsync<CdsHookRequest> uses them (which first buffers the body for its size limit).
static async Task<bool> IsHookRequestAsync(HttpRequest request, CancellationToken cancellationToken)
{
    try
    {
        return await JsonSerializer.DeserializeAsync<CdsHookRequest>(request.Body, CdsHooksJson.Options, cancellationToken) is not null;
    }
    catch (JsonException)
    {
        return false;
    }
}
