using ChestXCds.Analysis.Orders;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Prefetch;
using ChestXCds.Fhir.Reading;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Analysis.Context;

/// <summary>
/// Turns a validated hook request into a <see cref="PatientContext"/>: each prefetch key by
/// prefetch-or-query, the draft orders parsed and the chest imaging ones recognised. Resources whose
/// subject is another patient are dropped (a misconfigured prefetch must not mix patients).
/// </summary>
public sealed class PatientContextResolver(
    PrefetchOrQueryReader reader,
    ChestImagingOrderCatalog orders,
    TimeProvider time,
    ILogger<PatientContextResolver> logger)
{
    public async Task<PatientContextResolution> ResolveAsync(CdsServiceDescriptor service, CdsHookRequest request, CancellationToken cancellationToken)
    {
        var context = request.Context ?? throw new ArgumentException("The request has no context; validate it first.", nameof(request));
        var access = FhirServerAccess.From(request.FhirServer, request.FhirAuthorization?.AccessToken);
        var results = new Dictionary<string, FhirReadResult>(StringComparer.Ordinal);

        // One key after the other: the query client carries one token per instance (see FhirQueryClient).
        foreach (var (key, template) in service.Prefetch)
        {
            var query = PrefetchTemplateResolver.Resolve(template, context);
            results[key] = await reader.ReadAsync(key, PrefetchEntry.From(request.Prefetch, key), access, query, cancellationToken).ConfigureAwait(false);
        }

        var unavailable = results.Where(r => r.Value.Outcome == FhirReadOutcome.Unavailable).Select(r => r.Key).ToList();
        if (unavailable.Count > 0)
        {
            Log.ContextUnavailable(logger, string.Join(",", unavailable));
            return new PatientContextResolution(null, unavailable);
        }

        var patientId = context.PatientId!;
        var draftOrders = DraftOrdersOf(context);
        var chestOrders = draftOrders.Where(orders.IsChestImagingOrder).Cast<ServiceRequest>();
        if (request.Hook == HookIds.OrderSelect && context.Selections is { Count: > 0 } selections)
        {
            chestOrders = chestOrders.Where(o => selections.Contains($"ServiceRequest/{o.Id}", StringComparer.Ordinal));
        }

        var resolved = new PatientContext
        {
            Service = service,
            Request = request,
            FhirServer = access,
            Patient = Get(results, PrefetchKeys.Patient)?.ResourcesOf<Patient>().FirstOrDefault(p => p.Id is null || p.Id == patientId),
            DraftOrders = draftOrders,
            ChestImagingOrders = chestOrders.ToList(),
            ImagingStudies = (Get(results, PrefetchKeys.ImagingStudies)?.ResourcesOf<ImagingStudy>() ?? [])
                .Where(s => IsAbout(s.Subject, patientId)).ToList(),
            DiagnosticReports = (Get(results, PrefetchKeys.DiagnosticReports)?.ResourcesOf<DiagnosticReport>() ?? [])
                .Where(r => IsAbout(r.Subject, patientId)).ToList(),
            Sources = results.ToDictionary(r => r.Key, r => r.Value.Outcome, StringComparer.Ordinal),
            Now = time.GetUtcNow(),
        };
        Log.ContextResolved(logger, service.Id, resolved.DraftOrders.Count, resolved.ChestImagingOrders.Count, resolved.ImagingStudies.Count, resolved.DiagnosticReports.Count);
        return new PatientContextResolution(resolved, []);
    }

    private static FhirReadResult? Get(Dictionary<string, FhirReadResult> results, string key) => results.GetValueOrDefault(key);

    private static List<Resource> DraftOrdersOf(HookContext context)
    {
        if (context.DraftOrders is not { } json || FhirJson.TryParse(json) is not Bundle bundle)
        {
            return [];
        }

        return bundle.Entry.Select(e => e.Resource).OfType<Resource>().ToList();
    }

    /// <summary>A resource without a subject is kept (the query was by patient); one about another patient is not.</summary>
    private static bool IsAbout(ResourceReference? subject, string patientId)
    {
        var reference = subject?.Reference;
        if (string.IsNullOrEmpty(reference))
        {
            return true;
        }

        return reference == $"Patient/{patientId}" || reference.EndsWith($"/Patient/{patientId}", StringComparison.Ordinal);
    }
}
