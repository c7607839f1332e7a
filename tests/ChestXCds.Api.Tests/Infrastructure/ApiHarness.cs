using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>
/// One EHR around the service: its JWKS host (WireMock), its FHIR server (WireMock serving R4 JSON), a
/// test issuer with fresh keys, and the service configured to trust it.
/// </summary>
public class ApiHarness : IDisposable
{
    public const string Issuer = "https://ehr.test.example/cds";
    public const string PublicBaseUrl = "https://cds.test.example/chestx";
    public const string CorsOrigin = "https://sandbox.cds-hooks.org";

    private readonly string databaseDirectory = Path.Combine(Path.GetTempPath(), "chestx-api-tests", Guid.NewGuid().ToString("N"));
    private ApiFactory? factory;

    public ApiHarness(Action<Dictionary<string, string>>? configure = null)
    {
        Jwks.Given(Request.Create().WithPath("/.well-known/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Keys.JwksJson));
        Jwks.Given(Request.Create().WithPath("/keys/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Keys.JwksJson));
        Directory.CreateDirectory(databaseDirectory);
        Settings = new Dictionary<string, string>
        {
            ["CdsClients:Clients:0:Issuer"] = Issuer,
            ["CdsClients:Clients:0:JwksUri"] = Jwks.Url + "/.well-known/jwks.json",
            ["CdsClients:Clients:0:AllowedJkuPrefixes:0"] = Jwks.Url + "/keys/",
            ["CdsClients:PublicBaseUrl"] = PublicBaseUrl,
            ["Feedback:DatabasePath"] = DatabasePath,
            ["Fhir:Reading:MaxRetries"] = "0",
            ["Cors:AllowedOrigins:0"] = CorsOrigin,

            // These tests cover the FHIR-only cards; the AI card source (issue 6) has its own tests.
            ["Analysis:Ai:Enabled"] = "false",
            ["Inference:ModelsRoot"] = ChestXCds.Testing.TestPaths.SharedFile("models"),
            ["Inference:WarmUp"] = "false",
        };
        configure?.Invoke(Settings);
    }

    public TestIssuer Keys { get; } = new(Issuer);

    public WireMockServer Jwks { get; } = WireMockServer.Start();

    public WireMockServer Fhir { get; } = WireMockServer.Start();

    public string FhirBase => Fhir.Url + "/fhir";

    public Dictionary<string, string> Settings { get; }

    public string DatabasePath => Path.Combine(databaseDirectory, "feedback.db");

    public ApiFactory Factory => factory ??= new ApiFactory(Settings);

    public HttpClient Client() => Factory.CreateClient();

    /// <summary>Starts a new host on the same settings and database (a restart).</summary>
    public ApiFactory Restart()
    {
        factory?.Dispose();
        factory = new ApiFactory(Settings);
        return factory;
    }

    public static string Audience(string path) => PublicBaseUrl + path;

    /// <summary>A request signed as the EHR would sign it for <paramref name="path"/>.</summary>
    public HttpRequestMessage Signed(HttpMethod method, string path, string? body = null, string alg = "ES256")
    {
        var message = new HttpRequestMessage(method, path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Keys.Mint(alg, Keys.Claims(Audience(path))));
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return message;
    }

    public Task<HttpResponseMessage> PostHookAsync(string serviceId, JsonNode body) =>
        Client().SendAsync(Signed(HttpMethod.Post, $"/cds-services/{serviceId}", (body is JsonObject o ? o.Clean() : body).ToJsonString()));

    public void ServeFhir(string path, string json, int status = 200, string? paramName = null, string? paramValue = null)
    {
        var request = Request.Create().WithPath("/fhir/" + path).UsingGet();
        if (paramName is not null)
        {
            request = request.WithParam(paramName, paramValue!);
        }

        Fhir.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(json));
    }

    /// <summary>The FHIR server holds the patient, a chest CR <paramref name="studyAge"/> old with its report, and a head CT.</summary>
    public void ServeStandardFhirData(TimeSpan studyAge)
    {
        var started = DateTimeOffset.UtcNow - studyAge;
        ServeFhir($"Patient/{FhirFixtures.PatientId}", FhirFixtures.Patient());
        ServeFhir("ImagingStudy", FhirFixtures.Searchset(
            FhirFixtures.ChestStudy("img-cxr-1", started),
            FhirFixtures.HeadCtStudy("img-ct-1", started.AddHours(-1))), paramName: "patient", paramValue: FhirFixtures.PatientId);
        ServeFhir("DiagnosticReport", FhirFixtures.Searchset(
            FhirFixtures.Report("dr-1", "img-cxr-1", started.AddHours(1), "No acute cardiopulmonary process.")), paramName: "patient", paramValue: FhirFixtures.PatientId);
    }

    public int FhirRequestsTo(string pathPrefix) => Fhir.LogEntries.Count(e => e.RequestMessage.Path.StartsWith("/fhir/" + pathPrefix, StringComparison.Ordinal));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        factory?.Dispose();
        Jwks.Stop();
        Fhir.Stop();
        Keys.Dispose();
        try
        {
            Directory.Delete(databaseDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly on some systems; the temp folder is cleaned by the OS.
        }
    }
}
