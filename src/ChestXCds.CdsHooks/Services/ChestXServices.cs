using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Prefetch;

namespace ChestXCds.CdsHooks.Services;

/// <summary>The CDS services ChestXCds offers, one per hook. Discovery lists them; hook requests are routed by <see cref="CdsServiceDescriptor.Id"/>.</summary>
public static class ChestXServices
{
    public const string OrderSignId = "chestx-order-sign";
    public const string OrderSelectId = "chestx-order-select";
    public const string PatientViewId = "chestx-patient-view";

    private const string Usage =
        "Grant the service read access (patient/Patient.rs, patient/ImagingStudy.rs, patient/DiagnosticReport.rs) through fhirAuthorization, or send the prefetch.";

    public static IReadOnlyList<CdsServiceDescriptor> All { get; } =
    [
        new(HookIds.OrderSign, OrderSignId, "Chest radiograph check at order signing",
            "When a chest imaging order is signed, warns if the patient already had a chest radiograph within the look-back and shows its report impression, to avoid a duplicate exposure.",
            PrefetchTemplates.All, Usage),
        new(HookIds.OrderSelect, OrderSelectId, "Chest radiograph check at order selection",
            "When a chest imaging order is selected, warns if the patient already had a chest radiograph within the look-back and shows its report impression.",
            PrefetchTemplates.All, Usage),
        new(HookIds.PatientView, PatientViewId, "Latest chest radiograph",
            "When a chart is opened, shows the patient's latest chest radiograph and the impression of its report.",
            PrefetchTemplates.All, Usage),
    ];

    /// <summary>The service with this id, or null (→ 404).</summary>
    public static CdsServiceDescriptor? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
