using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Prefetch;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Reading;
using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Context;

/// <summary>
/// Turns a validated hook request into a <see cref="PatientContext"/>. At order-sign/order-select the draft orders
/// are read first: without a chest imaging order nothing else is read (order-sign fires for every order a hospital
/// signs). Otherwise each prefetch key is had by prefetch-or-query, the keys side by side, and translated by
/// ChestXCds.Fhir into records. Resources whose subject is another patient are dropped (a misconfigured prefetch must
/// not mix patients). The chest radiographs are selected once (<see cref="StudySelector"/>), after the radiographs
/// whose metadata names no body part were checked against their DICOM header (<see cref="StudyBodyPartResolver"/>).
/// </summary>
public sealed class PatientContextResolver(
    PrefetchOrQueryReader reader,
    ChestImagingOrderCatalog orders,
    StudySelector selector,
    StudyBodyPartResolver bodyParts,
    IOptionsMonitor<AnalysisOptions> options,
    TimeProvider time,
    ILogger<PatientContextResolver> logger)
{
    public async Task<PatientContextResolution> ResolveAsync(CdsServiceDescriptor service, CdsHookRequest request, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(client);
        var context = request.Context ?? throw new ArgumentException("The request has no context; validate it first.", nameof(request));
        var patientId = context.PatientId ?? throw new ArgumentException("The request has no context.patientId; validate it first.", nameof(request));
        var draftOrders = OrderRecords.FromBundle(context.DraftOrders is { } json ? FhirJson.TryParse(json) : null);
        var chestOrders = ChestOrders(request, context, draftOrders);
        if (request.Hook is HookIds.OrderSign or HookIds.OrderSelect && chestOrders.Count == 0)
        {
            return PatientContextResolution.NotRelevant;
        }

        var access = FhirServerAccess.From(request.FhirServer, request.FhirAuthorization?.AccessToken);
        var reads = service.Prefetch.Select(async entry =>
        {
            var query = PrefetchTemplateResolver.Resolve(entry.Value, context);
            var result = await reader.ReadAsync(entry.Key, PrefetchEntry.From(request.Prefetch, entry.Key), access, query, cancellationToken).ConfigureAwait(false);
            return (entry.Key, Result: result);
        }).ToList();
        var results = (await Task.WhenAll(reads).ConfigureAwait(false)).ToDictionary(r => r.Key, r => r.Result, StringComparer.Ordinal);

        var unavailable = results.Where(r => r.Value.Outcome == FhirReadOutcome.Unavailable).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        if (unavailable.Count > 0)
        {
            Log.ContextUnavailable(logger, string.Join(",", unavailable));
            return new PatientContextResolution(null, unavailable);
        }

        var now = time.GetUtcNow();
        var studies = Resources<ImagingStudy>(results, PrefetchKeys.ImagingStudies).Where(s => IsAbout(s.Subject, patientId)).Select(StudyRecords.From).ToList();
        var reports = Resources<DiagnosticReport>(results, PrefetchKeys.DiagnosticReports).Where(r => IsAbout(r.Subject, patientId)).Select(ReportRecords.From).ToList();
        var settings = options.CurrentValue;
        var lookBack = TimeSpan.FromTicks(Math.Max(TimeSpan.FromDays(settings.LatestStudyLookBackDays).Ticks, TimeSpan.FromHours(settings.DuplicateLookBackHours).Ticks));
        // A study a few minutes "in the future" is clock skew between the EHR and this service, not a future study.
        var (notBefore, notAfter) = (now - lookBack, now.AddMinutes(5));
        var chestByDicomHeader = await bodyParts.ChestStudiesAsync(selector.Undetermined(studies, notBefore, notAfter), access, client, cancellationToken).ConfigureAwait(false);
        var resolved = new PatientContext
        {
            Service = service,
            Request = request,
            Client = client,
            PatientId = patientId,
            FhirServer = access,
            DraftOrders = draftOrders,
            ChestImagingOrders = chestOrders,
            Studies = studies,
            Reports = reports,
            ChestStudies = selector.Select(studies, reports, notBefore, notAfter, chestByDicomHeader),
            Now = now,
        };
        Log.ContextResolved(logger, service.Id, resolved.DraftOrders.Count, resolved.ChestImagingOrders.Count, resolved.Studies.Count, resolved.Reports.Count);
        return new PatientContextResolution(resolved, []);
    }

    private List<OrderRecord> ChestOrders(CdsHookRequest request, HookContext context, IReadOnlyList<OrderRecord> draftOrders)
    {
        var chest = draftOrders.Where(orders.IsChestImagingOrder);
        if (request.Hook == HookIds.OrderSelect && context.Selections is { Count: > 0 } selections)
        {
            chest = chest.Where(o => o.Reference is { } reference && selections.Contains(reference, StringComparer.Ordinal));
        }

        return chest.ToList();
    }

    private static IEnumerable<T> Resources<T>(Dictionary<string, FhirReadResult> results, string key)
        where T : Resource =>
        results.GetValueOrDefault(key)?.ResourcesOf<T>() ?? [];

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
