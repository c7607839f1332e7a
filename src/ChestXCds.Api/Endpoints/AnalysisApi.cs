using ChestXCds.CdsHooks.Access;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.Analysis.Precompute;
using ChestXCds.CdsHooks;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Fhir.Reading;
using Microsoft.Extensions.Options;

namespace ChestXCds.Api.Endpoints;

/// <summary>
/// <c>POST /analysis/precompute</c>: queue studies for analysis before any hook asks, e.g. as the
/// endpoint of a FHIR Subscription on new ImagingStudies. Authenticated like the CDS Hooks endpoints.
/// </summary>
public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapAnalysis(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/analysis")
            .RequireAuthorization(CdsClientAuthenticationDefaults.Policy)
            .WithTags("Analysis")
            .MapPost("/precompute", PrecomputeAsync)
            .WithName("AnalysisPrecompute");
        return app;
    }

    private static async Task<IResult> PrecomputeAsync(HttpRequest http, IOptions<CdsHooksOptions> options, ClientAccessPolicy access, PrecomputeQueue queue, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<JsonObject>(http, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (studies, reason) = PrecomputeNotification.Read(FhirJson.TryParse(JsonSerializer.SerializeToElement(body)), CallerClient.Of(http.HttpContext.User));
        if (reason is not null)
        {
            return JsonBody.Invalid("body", reason);
        }

        // A study whose images are at a source this client may not name is refused whole, before anything is queued.
        if (studies.FirstOrDefault(s => s.Request.Location.WadoRsAddress is { } address && !access.AllowsImagingEndpoint(s.Request.Client, address)) is { Reference: { } refused })
        {
            return JsonBody.Invalid("body", $"{refused}: its DICOMweb Endpoint is not in this client's AllowedImagingEndpoints.");
        }

        var queued = new JsonArray();
        foreach (var (reference, request) in studies)
        {
            if (!queue.TryEnqueue(request))
            {
                // Busy: what was queued stays queued; the caller retries the rest later.
                http.HttpContext.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Precompute queue is full",
                    detail: $"{queued.Count} of {studies.Count} study(ies) queued; the queue holds {queue.Capacity} (Analysis:Ai:PrecomputeQueueCapacity). Retry later.");
            }

            queued.Add(new JsonObject { ["imagingStudy"] = reference, ["studyInstanceUid"] = request.Location.StudyInstanceUid });
        }

        return TypedResults.Json(new JsonObject { ["queued"] = queued }, statusCode: StatusCodes.Status202Accepted);
    }
}
