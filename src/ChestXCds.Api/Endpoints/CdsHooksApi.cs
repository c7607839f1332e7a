using ChestXCds.Analysis.Hooks;
using ChestXCds.Api.Feedback;
using ChestXCds.CdsHooks;
using ChestXCds.CdsHooks.Access;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using ChestXCds.CdsHooks.Services;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ChestXCds.Api.Endpoints;

/// <summary>The CDS Hooks 2.0 endpoints: discovery, hook calls and feedback, all behind CDS client authentication.</summary>
public static class CdsHooksApi
{
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cds-services")
            .RequireAuthorization(CdsClientAuthenticationDefaults.Policy)
            .WithTags("CDS Hooks");

        group.MapGet("/", Discovery).WithName("CdsDiscovery");
        group.MapPost("/{id}", CallHookAsync).WithName("CdsHook");
        group.MapPost("/{id}/feedback", FeedbackAsync).WithName("CdsFeedback");
        return app;
    }

    private static IResult Discovery() =>
        TypedResults.Json(new CdsServiceDiscoveryResponse(ChestXServices.All), CdsHooksJson.Options);

    private static async Task<IResult> CallHookAsync(
        string id,
        HttpRequest http,
        IOptions<CdsHooksOptions> options,
        IValidator<CdsHookRequest> validator,
        ClientAccessPolicy access,
        CdsHookHandler handler,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CdsHooksApi));
        if (ChestXServices.Find(id) is not { } service)
        {
            return UnknownService();
        }

        var (request, error) = await JsonBody.ReadAsync<CdsHookRequest>(http, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (error is not null)
        {
            Log.HookRequestRefused(logger, service.Id, "body");
            return error;
        }

        var validation = await validator.ValidateAsync(request!, cancellationToken);
        if (!validation.IsValid)
        {
            Log.HookRequestRefused(logger, service.Id, "validation");
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        if (!string.Equals(request!.Hook, service.Hook, StringComparison.Ordinal))
        {
            Log.HookRequestRefused(logger, service.Id, "hook mismatch");
            return JsonBody.Invalid("hook", $"Service '{service.Id}' answers '{service.Hook}'.");
        }

        var client = CallerClient.Of(http.HttpContext.User);
        if (request.FhirServer is { } fhirServer && access.RefuseFhirServer(client, new Uri(fhirServer)) is { } refusal)
        {
            // No request leaves for a server this client may not name (SSRF, token leakage).
            Log.HookRequestRefused(logger, service.Id, "fhirServer not allowed");
            return JsonBody.Invalid("fhirServer", refusal);
        }

        var result = await handler.HandleAsync(service, request, client, cancellationToken);
        if (result.Response is not { } response)
        {
            Log.PreconditionFailed(logger, service.Id, string.Join(",", result.UnavailableKeys));
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "FHIR data unavailable",
                detail: $"Neither the prefetch nor a query of fhirServer gave the data of: {string.Join(", ", result.UnavailableKeys)}.");
        }

        return TypedResults.Json(response, CdsHooksJson.Options);
    }

    private static async Task<IResult> FeedbackAsync(
        string id,
        HttpRequest http,
        IOptions<CdsHooksOptions> options,
        IValidator<FeedbackRequest> validator,
        IFeedbackStore store,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CdsHooksApi));
        if (ChestXServices.Find(id) is not { } service)
        {
            return UnknownService();
        }

        var (feedback, error) = await JsonBody.ReadAsync<FeedbackRequest>(http, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var validation = await validator.ValidateAsync(feedback!, cancellationToken);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var issuer = http.HttpContext.User.FindFirst("iss")?.Value;
        var received = time.GetUtcNow();
        var records = feedback!.Feedback!.Select(entry => ToRecord(service.Id, entry, received, issuer)).ToList();
        await store.SaveAsync(records, cancellationToken);
        Log.FeedbackStored(logger, service.Id, records.Count);
        return TypedResults.Ok();
    }

    private static FeedbackRecord ToRecord(string serviceId, FeedbackEntry entry, DateTimeOffset received, string? issuer)
    {
        var reasons = (entry.OverrideReasons ?? [])
            .Concat(entry.OverrideReason is null ? [] : [entry.OverrideReason])
            .ToList();
        return new FeedbackRecord(
            serviceId,
            entry.Card!,
            entry.Outcome!,
            (entry.AcceptedSuggestions ?? []).Select(s => s.Id!).ToList(),
            reasons.Where(r => r.Reason?.Code is not null).Select(r => $"{r.Reason!.System}|{r.Reason.Code}").Distinct(StringComparer.Ordinal).ToList(),
            reasons.Any(r => !string.IsNullOrWhiteSpace(r.UserComment)),
            entry.OutcomeTimestamp!.Value,
            received,
            issuer);
    }

    private static IResult UnknownService() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown CDS service", detail: "GET /cds-services lists the services.");
}
