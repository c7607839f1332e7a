using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.Cli.Demo;

/// <summary>
/// Everything around the service in the demo and the end-to-end tests: a real Orthanc PACS loaded with
/// the shared DICOMs, and a FHIR server (WireMock.Net, speaking FHIR R4 JSON) holding a synthetic patient
/// whose ImagingStudies point at Orthanc through a DICOMweb Endpoint and whose prior DiagnosticReports
/// are the evidence the reasoning quotes. The FHIR server answers only the demo's bearer token.
/// </summary>
public sealed class DemoWorld : IAsyncDisposable
{
    /// <summary>The access token the demo EHR hands the service in fhirAuthorization.</summary>
    public const string AccessToken = "demo-fhir-access-token";

    private static readonly Guid EndpointOverride = new("6d1c8f0e-52a4-4d5e-9f39-0d5f0c1a7e21");

    private DemoWorld(OrthancServer pacs, WireMockServer fhir, DateTimeOffset now, IReadOnlyDictionary<string, DemoDicom> dicoms, IReadOnlyList<DemoStudy> studies)
    {
        Pacs = pacs;
        Fhir = fhir;
        Now = now;
        Dicoms = dicoms;
        Studies = studies;
    }

    public OrthancServer Pacs { get; }

    public WireMockServer Fhir { get; }

    /// <summary>The FHIR base URL (no trailing slash).</summary>
    public string FhirBase => Fhir.Url + "/fhir";

    /// <summary>The moment the demo's study ages count from.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The DICOM UIDs of each demo study, by ImagingStudy id.</summary>
    public IReadOnlyDictionary<string, DemoDicom> Dicoms { get; }

    public IReadOnlyList<DemoStudy> Studies { get; }

    /// <summary>Starts Orthanc, loads every DICOM under <paramref name="dicomDirectory"/>, and serves the patient's FHIR data.</summary>
    /// <exception cref="InvalidOperationException">Orthanc is missing or a demo study's DICOM file is not in the folder.</exception>
    public static async Task<DemoWorld> StartAsync(string dicomDirectory, IReadOnlyList<DemoStudy>? studies = null, CancellationToken ct = default)
    {
        studies ??= DemoStudy.Defaults;
        if (!Directory.Exists(dicomDirectory))
        {
            throw new InvalidOperationException($"The DICOM folder {dicomDirectory} does not exist; set CHESTX_SHARED to the shared data folder.");
        }

        var files = Directory.GetFiles(dicomDirectory, "*.dcm", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var pacs = await OrthancServer.StartAsync(ct: ct).ConfigureAwait(false);
        try
        {
            using var http = new HttpClient { BaseAddress = pacs.BaseAddress };
            var byName = new Dictionary<string, DemoDicom>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var id = await pacs.UploadAsync(file, ct).ConfigureAwait(false);
                var tags = await http.GetFromJsonAsync<JsonElement>($"instances/{id}/simplified-tags", ct).ConfigureAwait(false);
                byName[Path.GetFileName(file)] = new DemoDicom(
                    Path.GetFileName(file), Tag(tags, "StudyInstanceUID"), Tag(tags, "SeriesInstanceUID"), Tag(tags, "SOPInstanceUID"), Tag(tags, "SOPClassUID"), Tag(tags, "Modality"));
            }

            var dicoms = new Dictionary<string, DemoDicom>(StringComparer.Ordinal);
            foreach (var study in studies)
            {
                dicoms[study.Id] = byName.TryGetValue(study.DicomFile, out var dicom)
                    ? dicom
                    : throw new InvalidOperationException($"The demo study {study.Id} needs {study.DicomFile}, which is not under {dicomDirectory}.");
            }

            var world = new DemoWorld(pacs, WireMockServer.Start(), DateTimeOffset.UtcNow, dicoms, studies);
            world.ServeFhir();
            return world;
        }
        catch
        {
            await pacs.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An order-sign request for a frontal chest X-ray, as an EHR sends it (patient prefetched; studies and reports left to the service's queries).</summary>
    public JsonObject OrderSignRequest() => new()
    {
        ["hook"] = "order-sign",
        ["hookInstance"] = Guid.NewGuid().ToString(),
        ["fhirServer"] = FhirBase,
        ["fhirAuthorization"] = FhirAuthorization(),
        ["context"] = new JsonObject
        {
            ["userId"] = $"Practitioner/{DemoFhirData.PractitionerId}",
            ["patientId"] = DemoFhirData.PatientId,
            ["draftOrders"] = Node(new Bundle { Type = Bundle.BundleType.Collection, Entry = [new Bundle.EntryComponent { Resource = DemoFhirData.DraftOrder() }] }),
        },
        ["prefetch"] = new JsonObject { ["patient"] = Node(DemoFhirData.Patient()) },
    };

    /// <summary>A patient-view request (nothing prefetched).</summary>
    public JsonObject PatientViewRequest() => new()
    {
        ["hook"] = "patient-view",
        ["hookInstance"] = Guid.NewGuid().ToString(),
        ["fhirServer"] = FhirBase,
        ["fhirAuthorization"] = FhirAuthorization(),
        ["context"] = new JsonObject { ["userId"] = $"Practitioner/{DemoFhirData.PractitionerId}", ["patientId"] = DemoFhirData.PatientId },
    };

    /// <summary>The ImagingStudy resource of a demo study, as the FHIR server serves it.</summary>
    public ImagingStudy ImagingStudy(string studyId) =>
        DemoFhirData.Study(Studies.Single(s => s.Id == studyId), Dicoms[studyId], Now);

    /// <summary>Points the DICOMweb Endpoint at <paramref name="dicomWebBase"/> (e.g. a port where no PACS listens) until <see cref="RestoreDicomWebAddress"/>.</summary>
    public void UseDicomWebAddress(Uri dicomWebBase)
    {
        RestoreDicomWebAddress();
        Fhir.Given(Request.Create().WithPath("/fhir/Endpoint/" + DemoFhirData.EndpointId).UsingGet().WithHeader("Authorization", "Bearer " + AccessToken))
            .WithGuid(EndpointOverride).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json")
                .WithBody(DemoFhirData.Serialize(DemoFhirData.Endpoint(dicomWebBase))));
    }

    /// <summary>Points the DICOMweb Endpoint back at the demo's Orthanc.</summary>
    public void RestoreDicomWebAddress() => Fhir.DeleteMapping(EndpointOverride);

    public async ValueTask DisposeAsync()
    {
        Fhir.Stop();
        Fhir.Dispose();
        await Pacs.DisposeAsync().ConfigureAwait(false);
    }

    private JsonObject FhirAuthorization() => new()
    {
        ["access_token"] = AccessToken,
        ["token_type"] = "Bearer",
        ["expires_in"] = 300,
        ["scope"] = "patient/Patient.rs patient/ImagingStudy.rs patient/DiagnosticReport.rs patient/Endpoint.rs",
        ["subject"] = "chestxcds",
        ["patient"] = DemoFhirData.PatientId,
    };

    private void ServeFhir()
    {
        var studies = Studies.Select(s => (Resource)ImagingStudy(s.Id)).ToList();
        var reports = Studies.Where(s => s.ReportText is not null)
            .OrderByDescending(s => Now - s.Age)
            .Select(s => (Resource)DemoFhirData.Report(s, Now))
            .ToList();

        Serve("Patient/" + DemoFhirData.PatientId, DemoFhirData.Patient());
        Serve("Endpoint/" + DemoFhirData.EndpointId, DemoFhirData.Endpoint(Pacs.DicomWebBaseAddress));
        foreach (var study in studies.Concat(reports))
        {
            Serve($"{study.TypeName}/{study.Id}", study);
        }

        Serve("ImagingStudy", DemoFhirData.Searchset(studies, FhirBase), ("patient", DemoFhirData.PatientId));
        Serve("DiagnosticReport", DemoFhirData.Searchset(reports, FhirBase), ("patient", DemoFhirData.PatientId));

        // Anything else, or a request without the demo's token, gets a FHIR error as a real server would.
        Fhir.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/fhir/*")).UsingAnyMethod()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/fhir+json")
                .WithBody(DemoFhirData.Serialize(Outcome("not-found", "No such resource on the demo FHIR server (or the bearer token is missing)."))));
    }

    private void Serve(string path, Resource resource, (string Name, string Value)? param = null)
    {
        var request = Request.Create().WithPath("/fhir/" + path).UsingGet().WithHeader("Authorization", "Bearer " + AccessToken);
        if (param is { } p)
        {
            request = request.WithParam(p.Name, p.Value);
        }

        Fhir.Given(request).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(DemoFhirData.Serialize(resource)));
    }

    private static OperationOutcome Outcome(string code, string text) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = Enum.Parse<OperationOutcome.IssueType>(code.Replace("-", string.Empty, StringComparison.Ordinal), true), Diagnostics = text }],
    };

    private static JsonNode Node(Resource resource) => JsonNode.Parse(DemoFhirData.Serialize(resource))!;

    private static string Tag(JsonElement tags, string name) =>
        tags.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"The PACS returned no {name} for an uploaded demo file.");
}
